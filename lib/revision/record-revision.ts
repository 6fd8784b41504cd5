import { desc, eq } from "drizzle-orm";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import type { Queryable, Tx } from "@/lib/db/client";
import { revisions, type Revision } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Records the concept's current structured content as its next revision. Call it inside the
 * transaction that made the change, so the change and its revision land together or not at all.
 * The (concept, number) constraint turns a concurrent revision into a conflict, never a gap.
 */
export async function recordRevision({
  tx,
  conceptId,
  authorId,
  message,
  sourceWorkshopId = null,
  now = new Date(),
}: {
  tx: Tx;
  conceptId: string;
  authorId: string | null;
  message: string;
  sourceWorkshopId?: string | null;
  now?: Date;
}): Promise<Revision> {
  const content = await loadConceptContent({ db: tx, conceptId });
  if (!content) throw new AppError("not_found:concept");
  const latest = await latestRevisionNumber({ tx, conceptId });
  const [revision] = await tx
    .insert(revisions)
    .values({
      conceptId,
      number: latest + 1,
      authorId,
      message,
      sourceWorkshopId,
      content,
      createdAt: now,
    })
    .returning();
  if (!revision) throw new AppError("internal:revision");
  return revision;
}

export async function latestRevisionNumber({
  tx,
  conceptId,
}: {
  tx: Queryable;
  conceptId: string;
}): Promise<number> {
  const [latest] = await tx
    .select({ number: revisions.number })
    .from(revisions)
    .where(eq(revisions.conceptId, conceptId))
    .orderBy(desc(revisions.number))
    .limit(1);
  return latest?.number ?? 0;
}
