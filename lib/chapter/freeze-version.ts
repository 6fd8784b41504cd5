import { and, eq, max } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import type { Db, Queryable, Tx } from "@/lib/db/client";
import { chapterVersions, revisions } from "@/lib/db/schema";
import { formatDocName } from "@/lib/sync/doc-names";
import { readDocState } from "@/lib/sync/server-edits";
import { loadConceptItems } from "./concept-items";
import { chapterJSONOfState, renderChapterHTML, renderChapterText } from "./content";

export type VersionKind = (typeof chapterVersions.kind.enumValues)[number];

/** What a frozen version stores besides its number: built before the transaction that saves it. */
export interface FrozenContent {
  yjsState: Uint8Array;
  json: JSONContent;
  html: string;
  text: string;
  /** The store revision embedded items are rendered as of (null: the concept has none). */
  revision: number | null;
}

export function chapterDocName(chapterId: string): string {
  return formatDocName({ kind: "chapter", id: chapterId });
}

export async function latestRevisionNumber({
  db,
  conceptId,
}: {
  db: Queryable;
  conceptId: string;
}): Promise<number | null> {
  const [row] = await db
    .select({ number: max(revisions.number) })
    .from(revisions)
    .where(eq(revisions.conceptId, conceptId));
  return row?.number ?? null;
}

/**
 * The chapter's live content: its Yjs state as the database holds it (every accepted write is
 * there before any client sees it), the ProseMirror JSON without comment marks, and the store
 * as of the concept's latest revision.
 */
export async function liveContent({
  db,
  conceptId,
  chapterId,
  state,
}: {
  db: Db;
  conceptId: string;
  chapterId: string;
  /** A state to use instead of the live one (benchmarks, tests). */
  state?: Uint8Array;
}) {
  const [yjsState, revision] = await Promise.all([
    state ?? readDocState({ db, docName: chapterDocName(chapterId) }),
    latestRevisionNumber({ db, conceptId }),
  ]);
  const items = await loadConceptItems({ db, conceptId, revision });
  return { yjsState, json: chapterJSONOfState(yjsState), revision, items };
}

/** The live content frozen: with HTML and text, embedded items as of the latest revision. */
export async function freezeContent(
  options: Parameters<typeof liveContent>[0],
): Promise<FrozenContent> {
  const { yjsState, json, revision, items } = await liveContent(options);
  return {
    yjsState,
    json,
    html: renderChapterHTML({ json, items }),
    text: renderChapterText({ json, items }),
    revision,
  };
}

/** Stores frozen content as the chapter's next version (inside the caller's transaction). */
export async function insertVersion({
  tx,
  chapterId,
  kind,
  content,
  frozenBy,
}: {
  tx: Tx;
  chapterId: string;
  kind: VersionKind;
  content: FrozenContent;
  frozenBy: string | null;
}): Promise<{ id: string; version: number }> {
  const [last] = await tx
    .select({ version: max(chapterVersions.version) })
    .from(chapterVersions)
    .where(eq(chapterVersions.chapterId, chapterId));
  const version = (last?.version ?? 0) + 1;
  const [row] = await tx
    .insert(chapterVersions)
    .values({ chapterId, version, kind, frozenBy, ...content })
    .returning({ id: chapterVersions.id, version: chapterVersions.version });
  return row!;
}

export async function findVersion({
  db,
  chapterId,
  version,
}: {
  db: Queryable;
  chapterId: string;
  version: number;
}) {
  const [row] = await db
    .select()
    .from(chapterVersions)
    .where(and(eq(chapterVersions.chapterId, chapterId), eq(chapterVersions.version, version)));
  return row;
}
