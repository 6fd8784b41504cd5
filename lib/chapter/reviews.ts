import "server-only";
import crypto from "node:crypto";
import { and, eq, or } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { isUuid } from "@/lib/auth/access";
import { signReviewerSession, type ReviewerClaims } from "@/lib/auth/reviewer-session";
import type { Db } from "@/lib/db/client";
import {
  chapterReviewers,
  chapterReviews,
  chapterVersions,
  chapters,
  concepts,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { changeDoc } from "@/lib/sync/server-edits";
import { anchorInVersion, applyCommentMark } from "./anchor";
import { createThread, listThreads, replyToThread, type ThreadView } from "./comments";
import { findValidReviewLink } from "./check-back";
import { chapterDocName } from "./freeze-version";
import { decisionSchema, joinReviewSchema, reviewerThreadSchema } from "./schemas";

/**
 * A person who joins a check-back round through its link, with their name and organisation.
 * Returns the signed reviewer session for the `kw-reviewer` cookie.
 */
export async function joinReview({
  db,
  token,
  input,
  now = new Date(),
}: {
  db: Db;
  token: string;
  input: unknown;
  now?: Date;
}): Promise<{ reviewId: string; reviewerId: string; sessionToken: string }> {
  const data = parseInput(joinReviewSchema, input);
  const link = await findValidReviewLink({ db, token, now });
  if (!link) throw new AppError("not_found:review_link");
  const [reviewer] = await db
    .insert(chapterReviewers)
    .values({
      reviewId: link.reviewId,
      linkId: link.id,
      name: data.name,
      organisation: data.organisation,
    })
    .returning({ id: chapterReviewers.id });
  const claims = { reviewerId: reviewer!.id, reviewId: link.reviewId };
  return { ...claims, sessionToken: await signReviewerSession({ claims, now }) };
}

/** Who is asking about a round: a member picked as reviewer (by session) or a link reviewer. */
export interface ReviewCredentials {
  userId?: string | null;
  reviewer?: ReviewerClaims | null;
}

async function loadRound(db: Db, reviewId: string) {
  if (!isUuid(reviewId)) throw new AppError("not_found:review");
  const [round] = await db
    .select({
      reviewId: chapterReviews.id,
      closedAt: chapterReviews.closedAt,
      chapter: chapters,
      conceptTitle: concepts.title,
      version: chapterVersions,
    })
    .from(chapterReviews)
    .innerJoin(chapters, eq(chapters.id, chapterReviews.chapterId))
    .innerJoin(concepts, eq(concepts.id, chapters.conceptId))
    .innerJoin(chapterVersions, eq(chapterVersions.id, chapterReviews.versionId))
    .where(eq(chapterReviews.id, reviewId));
  if (!round) throw new AppError("not_found:review");
  return round;
}

/**
 * The round and the reviewer in it, or throws: 401 without any credential, 404 for an unknown
 * round, 403 for someone who is not a reviewer of this round (another round's reviewer, a
 * member who was not picked).
 */
async function requireReviewer(db: Db, reviewId: string, credentials: ReviewCredentials) {
  if (!credentials.userId && !credentials.reviewer) throw new AppError("unauthorized:reviewer");
  const round = await loadRound(db, reviewId);
  const who = [
    credentials.userId ? eq(chapterReviewers.userId, credentials.userId) : undefined,
    credentials.reviewer?.reviewId === reviewId && isUuid(credentials.reviewer.reviewerId)
      ? eq(chapterReviewers.id, credentials.reviewer.reviewerId)
      : undefined,
  ].filter((c) => c !== undefined);
  const [me] = who.length
    ? await db
        .select()
        .from(chapterReviewers)
        .where(and(eq(chapterReviewers.reviewId, reviewId), or(...who)))
        .limit(1)
    : [];
  if (!me) throw new AppError("forbidden:review");
  return { round, me };
}

function openRound(round: { closedAt: Date | null }) {
  if (round.closedAt) throw new AppError("conflict:review_closed");
}

/** What a reviewer sees: the version under check-back, their decision and the round's threads. */
export async function getReview({
  db,
  reviewId,
  credentials,
}: {
  db: Db;
  reviewId: string;
  credentials: ReviewCredentials;
}) {
  const { round, me } = await requireReviewer(db, reviewId, credentials);
  return {
    concept: { id: round.chapter.conceptId, name: round.conceptTitle },
    chapter: { id: round.chapter.id, title: round.chapter.title },
    version: {
      version: round.version.version,
      html: round.version.html,
      json: round.version.json as JSONContent,
    },
    closed: round.closedAt !== null,
    me: {
      reviewerId: me.id,
      name: me.name,
      decision: me.decision,
      decisionComment: me.decisionComment,
    },
    threads: await listThreads({ db, chapterId: round.chapter.id, reviewId }),
  };
}

/**
 * A reviewer's comment on the version under check-back. The anchor's positions are in that
 * version; the server maps them onto the live document through the version's frozen Yjs state
 * and sets the comment mark there (reviewers cannot edit). The quote is the version's text in
 * the range. Text deleted since leaves the thread detached, never lost.
 */
export async function commentAsReviewer({
  db,
  reviewId,
  credentials,
  input,
}: {
  db: Db;
  reviewId: string;
  credentials: ReviewCredentials;
  input: unknown;
}): Promise<ThreadView> {
  const { round, me } = await requireReviewer(db, reviewId, credentials);
  const data = parseInput(reviewerThreadSchema, input);
  openRound(round);
  let anchor;
  try {
    anchor = anchorInVersion({ state: round.version.yjsState, ...data.anchor });
  } catch (error) {
    if (error instanceof RangeError)
      throw new AppError("bad_request:input", { fields: { anchor: "invalid" } });
    throw error;
  }
  const id = crypto.randomUUID();
  const author = { kind: "reviewer" as const, reviewerId: me.id, name: me.name };
  // A final chapter refuses it (createThread); so does a round closed meanwhile.
  await createThread({
    db,
    chapter: round.chapter,
    author,
    input: { id, quote: anchor?.quote || data.quote, body: data.body },
    reviewId,
  });
  if (anchor)
    await changeDoc({
      db,
      docName: chapterDocName(round.chapter.id),
      change: (doc) => void applyCommentMark({ doc, anchor, threadId: id }),
    });
  const thread = (await listThreads({ db, chapterId: round.chapter.id, reviewId })).find(
    (t) => t.id === id,
  );
  if (!thread) throw new AppError("internal:thread");
  return thread;
}

/** A reviewer's reply in one of their round's threads. */
export async function replyAsReviewer({
  db,
  reviewId,
  threadId,
  credentials,
  input,
}: {
  db: Db;
  reviewId: string;
  threadId: string;
  credentials: ReviewCredentials;
  input: unknown;
}): Promise<ThreadView> {
  const { round, me } = await requireReviewer(db, reviewId, credentials);
  openRound(round);
  return replyToThread({
    db,
    chapter: round.chapter,
    author: { kind: "reviewer", reviewerId: me.id, name: me.name },
    threadId,
    input,
    reviewId,
  });
}

/** Signs off ("Einverstanden") or asks for changes, which needs a comment. */
export async function decideReview({
  db,
  reviewId,
  credentials,
  input,
  now = new Date(),
}: {
  db: Db;
  reviewId: string;
  credentials: ReviewCredentials;
  input: unknown;
  now?: Date;
}) {
  const { round, me } = await requireReviewer(db, reviewId, credentials);
  const data = parseInput(decisionSchema, input);
  openRound(round);
  const [updated] = await db
    .update(chapterReviewers)
    .set({ decision: data.decision, decisionComment: data.comment || null, decidedAt: now })
    .where(eq(chapterReviewers.id, me.id))
    .returning();
  return {
    reviewerId: updated!.id,
    name: updated!.name,
    decision: updated!.decision,
    decisionComment: updated!.decisionComment,
    decidedAt: updated!.decidedAt,
  };
}
