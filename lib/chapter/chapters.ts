import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/client";
import {
  chapterReviewers,
  chapterReviews,
  chapterVersions,
  chapters,
  commentThreads,
  users,
  type ConceptRole,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { accessChanged } from "@/lib/sync/access-events";
import { requireChapter } from "./chapter-access";
import { chapterDocName, freezeContent, insertVersion } from "./freeze-version";
import { chapterStatusChangeSchema } from "./schemas";

export interface ChapterSummary {
  id: string;
  kind: string;
  title: string;
  status: "draft" | "in_review" | "final";
  fieldId: string | null;
  position: number;
  doc: string;
  openComments: number;
  latestVersion: number | null;
  lastEditedBy: string | null;
  lastEditedAt: string | null;
  review: {
    reviewId: string;
    version: number;
    reviewers: number;
    approved: number;
    changesRequested: number;
  } | null;
}

/**
 * The concept's chapters in order, with what the list shows: status, the collaborative document,
 * open comments, the latest version, who edited last and the open check-back round. Viewers
 * (council) see only final chapters and their final versions, and no comments.
 */
export async function listChapters({
  db,
  conceptId,
  role,
}: {
  db: Queryable;
  conceptId: string;
  role: ConceptRole;
}): Promise<ChapterSummary[]> {
  const viewer = role === "viewer";
  const rows = await db
    .select({
      id: chapters.id,
      kind: chapters.kind,
      title: chapters.title,
      status: chapters.status,
      fieldId: chapters.fieldId,
      position: chapters.position,
      lastEditedBy: users.name,
      lastEditedAt: chapters.lastEditedAt,
    })
    .from(chapters)
    .leftJoin(users, eq(users.id, chapters.lastEditedBy))
    .where(
      and(eq(chapters.conceptId, conceptId), viewer ? eq(chapters.status, "final") : undefined),
    )
    .orderBy(asc(chapters.position), asc(chapters.createdAt));
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];

  const [versionRows, commentRows, reviewRows] = await Promise.all([
    db
      .select({ chapterId: chapterVersions.chapterId, latest: max(chapterVersions.version) })
      .from(chapterVersions)
      .where(
        and(
          inArray(chapterVersions.chapterId, ids),
          viewer ? eq(chapterVersions.kind, "final") : undefined,
        ),
      )
      .groupBy(chapterVersions.chapterId),
    viewer
      ? Promise.resolve([])
      : db
          .select({ chapterId: commentThreads.chapterId, open: count() })
          .from(commentThreads)
          .where(and(inArray(commentThreads.chapterId, ids), eq(commentThreads.status, "open")))
          .groupBy(commentThreads.chapterId),
    viewer
      ? Promise.resolve([])
      : db
          .select({
            chapterId: chapterReviews.chapterId,
            reviewId: chapterReviews.id,
            version: chapterVersions.version,
            reviewers: sql<number>`count(${chapterReviewers.id})::int`,
            approved: sql<number>`count(*) filter (where ${chapterReviewers.decision} = 'approved')::int`,
            changesRequested: sql<number>`count(*) filter (where ${chapterReviewers.decision} = 'changes_requested')::int`,
          })
          .from(chapterReviews)
          .innerJoin(chapterVersions, eq(chapterVersions.id, chapterReviews.versionId))
          .leftJoin(chapterReviewers, eq(chapterReviewers.reviewId, chapterReviews.id))
          .where(and(inArray(chapterReviews.chapterId, ids), isNull(chapterReviews.closedAt)))
          .groupBy(chapterReviews.id, chapterVersions.version)
          .orderBy(desc(chapterReviews.createdAt)),
  ]);
  const latest = new Map(versionRows.map((r) => [r.chapterId, r.latest]));
  const open = new Map(commentRows.map((r) => [r.chapterId, r.open]));
  const review = new Map<string, ChapterSummary["review"]>();
  for (const { chapterId, ...r } of reviewRows)
    if (!review.has(chapterId)) review.set(chapterId, r);

  return rows.map((row) => ({
    ...row,
    doc: chapterDocName(row.id),
    openComments: open.get(row.id) ?? 0,
    latestVersion: latest.get(row.id) ?? null,
    lastEditedAt: row.lastEditedAt?.toISOString() ?? null,
    review: review.get(row.id) ?? null,
  }));
}

/** Closes a chapter's open check-back round, if any (inside the caller's transaction). */
export async function closeOpenReview({
  tx,
  chapterId,
  now,
}: {
  tx: Queryable;
  chapterId: string;
  now: Date;
}) {
  await tx
    .update(chapterReviews)
    .set({ closedAt: now })
    .where(and(eq(chapterReviews.chapterId, chapterId), isNull(chapterReviews.closedAt)));
}

/**
 * Finalises or reopens a chapter (moderators). Final freezes a version (Yjs state, JSON, HTML,
 * text, the store revision, who froze it) in the same transaction as the status change, and
 * makes the chapter read-only for everyone: the sync server re-checks open connections at once.
 * Reopening makes it a draft again; the next final is the next version. Finalising a final
 * chapter or reopening a draft is 409 conflict:status.
 */
export async function setChapterStatus({
  db,
  userId,
  conceptId,
  chapterId,
  input,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  conceptId: string;
  chapterId: string;
  input: unknown;
  now?: Date;
}): Promise<{ id: string; status: string; version?: number }> {
  const { chapter } = await requireChapter({
    db,
    userId,
    conceptId,
    chapterId,
    atLeast: "moderator",
  });
  const { status } = parseInput(chapterStatusChangeSchema, input);
  if (chapter.status === status) throw new AppError("conflict:status");
  const content = status === "final" ? await freezeContent({ db, conceptId, chapterId }) : null;
  const result = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: chapters.status })
      .from(chapters)
      .where(eq(chapters.id, chapterId))
      .for("update");
    if (!locked || locked.status === status) throw new AppError("conflict:status");
    await tx.update(chapters).set({ status }).where(eq(chapters.id, chapterId));
    await closeOpenReview({ tx, chapterId, now });
    if (!content) return { id: chapterId, status };
    const { version } = await insertVersion({
      tx,
      chapterId,
      kind: "final",
      content,
      frozenBy: userId,
    });
    return { id: chapterId, status, version };
  });
  accessChanged(conceptId);
  return result;
}
