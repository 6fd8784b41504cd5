import "server-only";
import { and, eq } from "drizzle-orm";
import { isUuid, requireConceptRole } from "@/lib/auth/access";
import type { Queryable } from "@/lib/db/client";
import { chapters, type ConceptRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export type Chapter = typeof chapters.$inferSelect;

/**
 * The chapter of a concept and the user's role, or throws: 401 without a user, 404 for an
 * unknown concept or a chapter of another concept, 403 below `atLeast`. What a viewer may read
 * of it (final versions only) is the caller's rule.
 */
export async function requireChapter({
  db,
  userId,
  conceptId,
  chapterId,
  atLeast,
}: {
  db: Queryable;
  userId: string | null | undefined;
  conceptId: string;
  chapterId: string;
  atLeast: ConceptRole;
}): Promise<{ chapter: Chapter; role: ConceptRole }> {
  const role = await requireConceptRole({ db, userId, conceptId, atLeast });
  if (!isUuid(chapterId)) throw new AppError("not_found:chapter");
  const [chapter] = await db
    .select()
    .from(chapters)
    .where(and(eq(chapters.id, chapterId), eq(chapters.conceptId, conceptId)));
  if (!chapter) throw new AppError("not_found:chapter");
  return { chapter, role };
}
