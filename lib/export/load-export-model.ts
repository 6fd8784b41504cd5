import "server-only";
import { and, asc, desc, eq, exists, inArray, lte, not } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { chapterJSONOfState } from "@/lib/chapter/content";
import { chapterDocName, latestRevisionNumber } from "@/lib/chapter/freeze-version";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import type { Db } from "@/lib/db/client";
import { chapterVersions, chapters, concepts, fields, organisations } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { revisionContent } from "@/lib/revision/revisions";
import { readDocState } from "@/lib/sync/server-edits";
import { buildExportModel, type ChapterSource, type ExportModel } from "./model";

/** How many concepts came before this one (predecessor chain), plus one. */
async function editionOf({ db, predecessorId }: { db: Db; predecessorId: string | null }) {
  let edition = 1;
  const seen = new Set<string>();
  for (let id = predecessorId; id && !seen.has(id) && edition < 100; edition++) {
    seen.add(id);
    const [row] = await db
      .select({ predecessorId: concepts.predecessorId })
      .from(concepts)
      .where(eq(concepts.id, id));
    id = row?.predecessorId ?? null;
  }
  return edition;
}

/**
 * The texts the export takes per chapter id: the latest final version (with `revision`, the
 * latest one frozen at or before that store revision), or with `draft` the current live text.
 */
async function chapterTexts({
  db,
  chapterIds,
  draft,
  revision,
}: {
  db: Db;
  chapterIds: string[];
  draft: boolean;
  revision: number | null;
}): Promise<Map<string, JSONContent>> {
  if (!chapterIds.length) return new Map();
  if (draft) {
    const texts = await Promise.all(
      chapterIds.map(async (id) => {
        const state = await readDocState({ db, docName: chapterDocName(id) });
        return [id, chapterJSONOfState(state)] as const;
      }),
    );
    return new Map(texts);
  }
  const rows = await db
    .selectDistinctOn([chapterVersions.chapterId], {
      chapterId: chapterVersions.chapterId,
      json: chapterVersions.json,
    })
    .from(chapterVersions)
    .where(
      and(
        inArray(chapterVersions.chapterId, chapterIds),
        eq(chapterVersions.kind, "final"),
        revision === null ? undefined : lte(chapterVersions.revision, revision),
      ),
    )
    .orderBy(chapterVersions.chapterId, desc(chapterVersions.version));
  return new Map(rows.map((row) => [row.chapterId, row.json as JSONContent]));
}

/**
 * The export model of a concept from the database: the store as of `revision` (default: the
 * latest), the chapters' final versions (or, with `draft`, their current drafts). Access is the
 * caller's to check. An unknown revision is 404 not_found:revision.
 */
export async function loadExportModel({
  db,
  conceptId,
  draft,
  revision,
  now = new Date(),
}: {
  db: Db;
  conceptId: string;
  draft: boolean;
  revision: number | null;
  now?: Date;
}): Promise<ExportModel> {
  const [concept] = await db
    .select({ predecessorId: concepts.predecessorId, town: organisations.name })
    .from(concepts)
    .leftJoin(organisations, eq(organisations.id, concepts.townId))
    .where(eq(concepts.id, conceptId));
  if (!concept) throw new AppError("not_found:concept");
  const [content, latest, chapterRows, edition] = await Promise.all([
    revision === null
      ? loadConceptContent({ db, conceptId })
      : revisionContent({ db, conceptId, number: revision }),
    revision === null ? latestRevisionNumber({ db, conceptId }) : Promise.resolve(revision),
    db
      .select({
        id: chapters.id,
        kind: chapters.kind,
        title: chapters.title,
        fieldId: chapters.fieldId,
      })
      .from(chapters)
      .where(eq(chapters.conceptId, conceptId))
      .orderBy(asc(chapters.position), asc(chapters.createdAt)),
    editionOf({ db, predecessorId: concept.predecessorId }),
  ]);
  if (!content) throw new AppError("not_found:concept");
  const texts = await chapterTexts({
    db,
    chapterIds: chapterRows.map((c) => c.id),
    draft,
    revision,
  });
  const sources: ChapterSource[] = chapterRows.map((c) => ({
    kind: c.kind,
    title: c.title,
    fieldId: c.fieldId,
    json: texts.get(c.id) ?? null,
  }));
  return buildExportModel({
    content,
    town: concept.town,
    edition,
    chapters: sources,
    draft,
    revision: latest,
    now,
  });
}

/**
 * Titles of the chapters a final export would name as missing (no final version yet), in
 * export order and written as the export writes them; for the export dialog.
 */
export async function chaptersWithoutFinal({
  db,
  conceptId,
}: {
  db: Db;
  conceptId: string;
}): Promise<string[]> {
  const rows = await db
    .select({ title: chapters.title, fieldNumber: fields.number, fieldTitle: fields.title })
    .from(chapters)
    .leftJoin(fields, eq(fields.id, chapters.fieldId))
    .where(
      and(
        eq(chapters.conceptId, conceptId),
        not(
          exists(
            db
              .select({ id: chapterVersions.id })
              .from(chapterVersions)
              .where(
                and(eq(chapterVersions.chapterId, chapters.id), eq(chapterVersions.kind, "final")),
              ),
          ),
        ),
      ),
    )
    .orderBy(asc(chapters.position), asc(chapters.createdAt));
  return rows.map((row) =>
    row.fieldNumber === null ? row.title : `${row.fieldNumber} ${row.fieldTitle}`,
  );
}
