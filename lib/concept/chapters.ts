import { and, asc, eq } from "drizzle-orm";
import { requireConceptRole } from "@/lib/auth/access";
import type { ConceptCommand } from "@/lib/concept/concept-command";
import type { Queryable } from "@/lib/db/client";
import { chapters } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { accessChanged } from "@/lib/sync/access-events";
import { chapterStatusSchema } from "./schemas";

export async function listChapters({ db, conceptId }: { db: Queryable; conceptId: string }) {
  return db
    .select({
      id: chapters.id,
      kind: chapters.kind,
      title: chapters.title,
      status: chapters.status,
      fieldId: chapters.fieldId,
    })
    .from(chapters)
    .where(eq(chapters.conceptId, conceptId))
    .orderBy(asc(chapters.position));
}

/**
 * Moves a chapter through draft → in review → final (moderators). A final chapter is read-only
 * for everyone: the sync server re-checks open connections at once, so editors still in the
 * document can no longer change it; reopening it lets them write again after a reconnect.
 */
export async function setChapterStatus({
  db,
  userId,
  conceptId,
  input,
}: ConceptCommand): Promise<{ id: string; status: string }> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const data = parseInput(chapterStatusSchema, input);
  const [updated] = await db
    .update(chapters)
    .set({ status: data.status })
    .where(and(eq(chapters.id, data.chapterId), eq(chapters.conceptId, conceptId)))
    .returning({ id: chapters.id, status: chapters.status });
  if (!updated) throw new AppError("not_found:chapter");
  accessChanged(conceptId);
  return updated;
}
