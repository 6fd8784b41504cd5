import "server-only";
import { asc, eq } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Db, Queryable } from "@/lib/db/client";
import { chapterVersions, chapters, type ConceptRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { changeDoc } from "@/lib/sync/server-edits";
import type { Chapter } from "./chapter-access";
import { loadConceptItems } from "./concept-items";
import { chapterBlocks, chapterSchema, stripCommentMarks } from "./content";
import { diffBlocks, type DiffBlock } from "./diff";
import { CHAPTER_FRAGMENT } from "./extensions";
import {
  chapterDocName,
  findVersion,
  freezeContent,
  insertVersion,
  liveContent,
} from "./freeze-version";
import { versionNumberSchema } from "./schemas";

/** Viewers (council) read final versions only; everyone else every version. */
const readable = (role: ConceptRole, kind: string) => role !== "viewer" || kind === "final";

/** A version number from the URL, else a 400 naming the parameter. */
export function parseVersionNumber(value: string | null | undefined, name = "version"): number {
  const parsed = versionNumberSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("bad_request:input", {
    fields: { [name]: value == null || value === "" ? "required" : "invalid" },
  });
}

/** The chapter's versions, oldest first (viewers: final ones only). */
export async function listVersions({
  db,
  chapter,
  role,
}: {
  db: Queryable;
  chapter: Chapter;
  role: ConceptRole;
}) {
  const rows = await db
    .select({
      version: chapterVersions.version,
      kind: chapterVersions.kind,
      createdAt: chapterVersions.createdAt,
      frozenBy: chapterVersions.frozenBy,
      revision: chapterVersions.revision,
    })
    .from(chapterVersions)
    .where(eq(chapterVersions.chapterId, chapter.id))
    .orderBy(asc(chapterVersions.version));
  return rows.filter((row) => readable(role, row.kind));
}

/** One version as stored: embedded items are rendered as of its store revision. */
export async function getVersion({
  db,
  chapter,
  role,
  version,
}: {
  db: Queryable;
  chapter: Chapter;
  role: ConceptRole;
  version: number;
}) {
  const row = await findVersion({ db, chapterId: chapter.id, version });
  if (!row || !readable(role, row.kind)) throw new AppError("not_found:version");
  return {
    version: row.version,
    kind: row.kind,
    revision: row.revision,
    html: row.html,
    text: row.text,
    json: row.json as JSONContent,
    createdAt: row.createdAt,
    frozenBy: row.frozenBy,
  };
}

/** A version's text blocks as of its revision, or the live document's with the latest store. */
async function blocksOf({
  db,
  chapter,
  version,
}: {
  db: Db;
  chapter: Chapter;
  version: number | "current";
}): Promise<string[]> {
  if (version === "current") {
    const { json, items } = await liveContent({
      db,
      conceptId: chapter.conceptId,
      chapterId: chapter.id,
    });
    return chapterBlocks({ json, items });
  }
  const row = await findVersion({ db, chapterId: chapter.id, version });
  if (!row) throw new AppError("not_found:version");
  const items = await loadConceptItems({
    db,
    conceptId: chapter.conceptId,
    revision: row.revision,
  });
  return chapterBlocks({ json: row.json as JSONContent, items });
}

/** What changed from one version (or the current content) to another; paragraphs, then words. */
export async function diffVersions({
  db,
  chapter,
  from,
  to,
}: {
  db: Db;
  chapter: Chapter;
  from: number | "current";
  to: number | "current";
}): Promise<{ blocks: DiffBlock[] }> {
  const [before, after] = await Promise.all([
    blocksOf({ db, chapter, version: from }),
    blocksOf({ db, chapter, version: to }),
  ]);
  return { blocks: diffBlocks(before, after) };
}

/**
 * Makes version n's content the chapter's live content (moderators and editors, not on a final
 * chapter). The content it replaces is kept first, as a version of kind draft. The fragment is
 * rewritten through the running sync server, so open editors see the restored text at once;
 * comment marks are not restored (their threads become detached).
 */
export async function restoreVersion({
  db,
  chapter,
  userId,
  version,
}: {
  db: Db;
  chapter: Chapter;
  userId: string;
  version: number;
}): Promise<{ kept: number }> {
  if (chapter.status === "final") throw new AppError("conflict:status");
  const target = await findVersion({ db, chapterId: chapter.id, version });
  if (!target) throw new AppError("not_found:version");
  const current = await freezeContent({ db, conceptId: chapter.conceptId, chapterId: chapter.id });
  const kept = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: chapters.status })
      .from(chapters)
      .where(eq(chapters.id, chapter.id))
      .for("update");
    if (!locked || locked.status === "final") throw new AppError("conflict:status");
    return insertVersion({
      tx,
      chapterId: chapter.id,
      kind: "draft",
      content: current,
      frozenBy: userId,
    });
  });
  const content = stripCommentMarks(target.json as JSONContent);
  await changeDoc({
    db,
    docName: chapterDocName(chapter.id),
    change: (doc) => {
      prosemirrorJSONToYXmlFragment(chapterSchema(), content, doc.getXmlFragment(CHAPTER_FRAGMENT));
    },
  });
  return { kept: kept.version };
}
