import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/client";
import {
  chapterReviewers,
  chapterReviews,
  chapterVersions,
  chapters,
  conceptMembers,
  reviewLinks,
  users,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/auth/access";
import { parseInput } from "@/lib/forms/parse-input";
import { hashToken, newLinkToken } from "@/lib/workshop/invites";
import type { Chapter } from "./chapter-access";
import { closeOpenReview } from "./chapters";
import { freezeContent, insertVersion } from "./freeze-version";
import { checkBackSchema, reviewLinkSchema } from "./schemas";

/** The page a review link opens. */
export function reviewJoinPath(token: string): string {
  return `/review/join/${token}`;
}

export interface CreatedLink {
  id: string;
  url: string;
  expiresAt: string;
}

async function insertLink({
  tx,
  reviewId,
  userId,
  expiresInHours,
  baseUrl,
  now,
}: {
  tx: Queryable;
  reviewId: string;
  userId: string;
  expiresInHours: number;
  baseUrl: string;
  now: Date;
}): Promise<CreatedLink> {
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + expiresInHours * 3600_000);
  const [link] = await tx
    .insert(reviewLinks)
    .values({ reviewId, tokenHash: hashToken(token), expiresAt, createdBy: userId })
    .returning({ id: reviewLinks.id });
  return {
    id: link!.id,
    url: new URL(reviewJoinPath(token), baseUrl).toString(),
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Starts a check-back round (moderators): freezes a check_back version, sets the status
 * "in Rücksprache", closes the previous round, and adds the picked concept members as reviewers
 * and, if asked, a review link. A final chapter must be reopened first (409 conflict:status);
 * a reviewer who is not a member of the concept is a 400 naming `reviewerIds`.
 */
export async function startCheckBack({
  db,
  chapter,
  userId,
  input,
  baseUrl,
  now = new Date(),
}: {
  db: Db;
  chapter: Chapter;
  userId: string;
  input: unknown;
  baseUrl: string;
  now?: Date;
}): Promise<{ reviewId: string; version: number; link?: CreatedLink }> {
  const data = parseInput(checkBackSchema, input);
  if (chapter.status === "final") throw new AppError("conflict:status");
  const reviewerIds = [...new Set(data.reviewerIds)];
  const members = reviewerIds.length
    ? await db
        .select({ userId: users.id, name: users.name })
        .from(conceptMembers)
        .innerJoin(users, eq(users.id, conceptMembers.userId))
        .where(
          and(
            eq(conceptMembers.conceptId, chapter.conceptId),
            inArray(conceptMembers.userId, reviewerIds),
          ),
        )
    : [];
  if (members.length !== reviewerIds.length)
    throw new AppError("bad_request:input", { fields: { reviewerIds: "invalid" } });
  const content = await freezeContent({ db, conceptId: chapter.conceptId, chapterId: chapter.id });
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: chapters.status })
      .from(chapters)
      .where(eq(chapters.id, chapter.id))
      .for("update");
    if (!locked || locked.status === "final") throw new AppError("conflict:status");
    await closeOpenReview({ tx, chapterId: chapter.id, now });
    const version = await insertVersion({
      tx,
      chapterId: chapter.id,
      kind: "check_back",
      content,
      frozenBy: userId,
    });
    const [review] = await tx
      .insert(chapterReviews)
      .values({ chapterId: chapter.id, versionId: version.id, startedBy: userId })
      .returning({ id: chapterReviews.id });
    const reviewId = review!.id;
    if (members.length)
      await tx
        .insert(chapterReviewers)
        .values(members.map((m) => ({ reviewId, userId: m.userId, name: m.name })));
    await tx.update(chapters).set({ status: "in_review" }).where(eq(chapters.id, chapter.id));
    const link = data.link
      ? await insertLink({
          tx,
          reviewId,
          userId,
          expiresInHours: data.link.expiresInHours,
          baseUrl,
          now,
        })
      : undefined;
    return { reviewId, version: version.version, ...(link ? { link } : {}) };
  });
}

/** The chapter's latest check-back round with its reviewers and links, or null if none. */
export async function getCheckBack({ db, chapter }: { db: Queryable; chapter: Chapter }) {
  const [review] = await db
    .select({
      reviewId: chapterReviews.id,
      version: chapterVersions.version,
      closedAt: chapterReviews.closedAt,
      createdAt: chapterReviews.createdAt,
    })
    .from(chapterReviews)
    .innerJoin(chapterVersions, eq(chapterVersions.id, chapterReviews.versionId))
    .where(eq(chapterReviews.chapterId, chapter.id))
    .orderBy(desc(chapterReviews.createdAt))
    .limit(1);
  if (!review) return null;
  const [reviewers, links] = await Promise.all([
    db
      .select({
        id: chapterReviewers.id,
        name: chapterReviewers.name,
        organisation: chapterReviewers.organisation,
        userId: chapterReviewers.userId,
        decision: chapterReviewers.decision,
        decisionComment: chapterReviewers.decisionComment,
        decidedAt: chapterReviewers.decidedAt,
      })
      .from(chapterReviewers)
      .where(eq(chapterReviewers.reviewId, review.reviewId))
      .orderBy(asc(chapterReviewers.createdAt)),
    db
      .select({
        id: reviewLinks.id,
        expiresAt: reviewLinks.expiresAt,
        revokedAt: reviewLinks.revokedAt,
      })
      .from(reviewLinks)
      .where(eq(reviewLinks.reviewId, review.reviewId))
      .orderBy(asc(reviewLinks.createdAt)),
  ]);
  return {
    ...review,
    reviewers: reviewers.map(({ userId, ...r }) => ({
      ...r,
      kind: userId ? ("member" as const) : ("link" as const),
    })),
    links,
  };
}

async function openReviewOf(db: Queryable, chapterId: string) {
  const [review] = await db
    .select({ id: chapterReviews.id })
    .from(chapterReviews)
    .where(and(eq(chapterReviews.chapterId, chapterId), isNull(chapterReviews.closedAt)));
  if (!review) throw new AppError("conflict:review");
  return review.id;
}

/** A further review link for the open round (moderators); 409 conflict:review without one. */
export async function createReviewLink({
  db,
  chapter,
  userId,
  input,
  baseUrl,
  now = new Date(),
}: {
  db: Db;
  chapter: Chapter;
  userId: string;
  input: unknown;
  baseUrl: string;
  now?: Date;
}): Promise<CreatedLink> {
  const { expiresInHours } = parseInput(reviewLinkSchema, input);
  const reviewId = await openReviewOf(db, chapter.id);
  return insertLink({ tx: db, reviewId, userId, expiresInHours, baseUrl, now });
}

/**
 * Revokes a review link of the chapter: it stops working. Reviewers who joined through it keep
 * their place in the round, as guests do when an invite is revoked.
 */
export async function revokeReviewLink({
  db,
  chapter,
  linkId,
  now = new Date(),
}: {
  db: Db;
  chapter: Chapter;
  linkId: string;
  now?: Date;
}): Promise<void> {
  if (!isUuid(linkId)) throw new AppError("not_found:review_link");
  const rounds = db
    .select({ id: chapterReviews.id })
    .from(chapterReviews)
    .where(eq(chapterReviews.chapterId, chapter.id));
  const revoked = await db
    .update(reviewLinks)
    .set({ revokedAt: now })
    .where(and(eq(reviewLinks.id, linkId), inArray(reviewLinks.reviewId, rounds)))
    .returning({ id: reviewLinks.id });
  if (!revoked.length) throw new AppError("not_found:review_link");
}

/** The open round a link leads to, if the link still works. */
export async function findValidReviewLink({
  db,
  token,
  now = new Date(),
}: {
  db: Queryable;
  token: string;
  now?: Date;
}) {
  const [link] = await db
    .select({ id: reviewLinks.id, reviewId: reviewLinks.reviewId, chapterTitle: chapters.title })
    .from(reviewLinks)
    .innerJoin(chapterReviews, eq(chapterReviews.id, reviewLinks.reviewId))
    .innerJoin(chapters, eq(chapters.id, chapterReviews.chapterId))
    .where(
      and(
        eq(reviewLinks.tokenHash, hashToken(token)),
        isNull(reviewLinks.revokedAt),
        gt(reviewLinks.expiresAt, now),
        isNull(chapterReviews.closedAt),
      ),
    );
  return link;
}
