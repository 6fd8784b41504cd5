import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/client";
import { comments, commentThreads, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/auth/access";
import { parseInput } from "@/lib/forms/parse-input";
import { readDocState } from "@/lib/sync/server-edits";
import * as Y from "yjs";
import type { Chapter } from "./chapter-access";
import { chapterJSONOfDoc, commentThreadIds } from "./content";
import { chapterDocName } from "./freeze-version";
import { newThreadSchema, replySchema, threadStatusSchema } from "./schemas";

export interface ThreadView {
  id: string;
  status: "open" | "resolved";
  quote: string;
  /** The live document no longer holds a comment mark with this thread's id. */
  detached: boolean;
  reviewId: string | null;
  createdAt: Date;
  comments: Array<{ id: string; authorName: string; body: string; createdAt: Date }>;
}

/** The thread ids the chapter's live document still anchors with a comment mark. */
export async function anchoredThreadIds({
  db,
  chapterId,
}: {
  db: Db;
  chapterId: string;
}): Promise<Set<string>> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, await readDocState({ db, docName: chapterDocName(chapterId) }));
    return commentThreadIds(chapterJSONOfDoc(doc));
  } finally {
    doc.destroy();
  }
}

/** Threads of a chapter (or of one check-back round) with their comments, oldest first. */
export async function listThreads({
  db,
  chapterId,
  reviewId,
}: {
  db: Db;
  chapterId: string;
  reviewId?: string;
}): Promise<ThreadView[]> {
  const where: SQL | undefined = reviewId
    ? and(eq(commentThreads.chapterId, chapterId), eq(commentThreads.reviewId, reviewId))
    : eq(commentThreads.chapterId, chapterId);
  const [threads, anchored] = await Promise.all([
    db.select().from(commentThreads).where(where).orderBy(asc(commentThreads.createdAt)),
    anchoredThreadIds({ db, chapterId }),
  ]);
  if (!threads.length) return [];
  const rows = await db
    .select({
      id: comments.id,
      threadId: comments.threadId,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(
      inArray(
        comments.threadId,
        threads.map((t) => t.id),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return threads.map((thread) => ({
    id: thread.id,
    status: thread.status,
    quote: thread.quote,
    detached: !anchored.has(thread.id),
    reviewId: thread.reviewId,
    createdAt: thread.createdAt,
    comments: rows
      .filter((c) => c.threadId === thread.id)
      .map(({ threadId: _threadId, ...c }) => c),
  }));
}

async function threadView(db: Db, chapterId: string, threadId: string): Promise<ThreadView> {
  const thread = (await listThreads({ db, chapterId })).find((t) => t.id === threadId);
  if (!thread) throw new AppError("not_found:thread");
  return thread;
}

/** The author of a new comment: a member (by account) or a check-back reviewer. */
export type CommentAuthor =
  | { kind: "user"; userId: string; name: string }
  | { kind: "reviewer"; reviewerId: string; name: string };

function authorColumns(author: CommentAuthor) {
  return author.kind === "user"
    ? { userId: author.userId, authorName: author.name }
    : { reviewerId: author.reviewerId, authorName: author.name };
}

/**
 * Opens a thread with its first comment. The id is the client's: the editor sets the comment
 * mark with it (for reviewers the server sets the mark, see reviews.ts). A final chapter takes
 * no new threads (its document is read-only); an id already taken is 409 conflict:thread.
 */
export async function createThread({
  db,
  chapter,
  author,
  input,
  reviewId = null,
}: {
  db: Db;
  chapter: Chapter;
  author: CommentAuthor;
  input: unknown;
  reviewId?: string | null;
}): Promise<ThreadView> {
  const data = parseInput(newThreadSchema, input);
  if (chapter.status === "final") throw new AppError("conflict:status");
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(commentThreads)
      .values({ id: data.id, chapterId: chapter.id, quote: data.quote, reviewId })
      .onConflictDoNothing()
      .returning({ id: commentThreads.id });
    if (!inserted.length) throw new AppError("conflict:thread");
    await tx
      .insert(comments)
      .values({ threadId: data.id, body: data.body, ...authorColumns(author) });
  });
  return threadView(db, chapter.id, data.id);
}

async function requireThread(
  db: Queryable,
  chapterId: string,
  threadId: string,
  reviewId?: string,
) {
  if (!isUuid(threadId)) throw new AppError("not_found:thread");
  const [thread] = await db
    .select({ id: commentThreads.id })
    .from(commentThreads)
    .where(
      and(
        eq(commentThreads.id, threadId),
        eq(commentThreads.chapterId, chapterId),
        reviewId ? eq(commentThreads.reviewId, reviewId) : undefined,
      ),
    );
  if (!thread) throw new AppError("not_found:thread");
}

/** A reply in a thread (reviewers: only in their round's threads). */
export async function replyToThread({
  db,
  chapter,
  author,
  threadId,
  input,
  reviewId,
}: {
  db: Db;
  chapter: Chapter;
  author: CommentAuthor;
  threadId: string;
  input: unknown;
  reviewId?: string;
}): Promise<ThreadView> {
  const data = parseInput(replySchema, input);
  await requireThread(db, chapter.id, threadId, reviewId);
  await db.insert(comments).values({ threadId, body: data.body, ...authorColumns(author) });
  return threadView(db, chapter.id, threadId);
}

/** Resolves or reopens a thread (members who may write). */
export async function setThreadStatus({
  db,
  chapter,
  userId,
  threadId,
  input,
  now = new Date(),
}: {
  db: Db;
  chapter: Chapter;
  userId: string;
  threadId: string;
  input: unknown;
  now?: Date;
}): Promise<ThreadView> {
  const { status } = parseInput(threadStatusSchema, input);
  await requireThread(db, chapter.id, threadId);
  await db
    .update(commentThreads)
    .set(
      status === "resolved"
        ? { status, resolvedAt: now, resolvedBy: userId }
        : { status, resolvedAt: null, resolvedBy: null },
    )
    .where(eq(commentThreads.id, threadId));
  return threadView(db, chapter.id, threadId);
}

/** The name a member's comments carry, from the database. */
export async function memberAuthor({
  db,
  userId,
}: {
  db: Queryable;
  userId: string;
}): Promise<CommentAuthor> {
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("unauthorized:session");
  return { kind: "user", userId, name: user.name };
}
