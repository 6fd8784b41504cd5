import { desc, eq } from "drizzle-orm";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import type { Queryable, Tx } from "@/lib/db/client";
import { concepts, revisions, type Revision } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Takes the concept's row lock for the rest of the transaction, so that revisions of one concept
 * are recorded one after another: the next number is read after every earlier revision has
 * committed, and the (concept, number) constraint is never hit. Call it first in a transaction
 * that records a revision, before it changes other rows, so that concurrent editors always take
 * their locks in the same order (no deadlock). With `baseRevision` (the revision the editor
 * loaded), refuses with conflict:revision and the current number if another one landed since.
 * Returns the latest revision number.
 */
export async function lockConceptRevisions({
  tx,
  conceptId,
  baseRevision,
}: {
  tx: Tx;
  conceptId: string;
  baseRevision?: number;
}): Promise<number> {
  const locked = await tx
    .select({ id: concepts.id })
    .from(concepts)
    .where(eq(concepts.id, conceptId))
    .for("update");
  if (locked.length === 0) throw new AppError("not_found:concept");
  const current = await latestRevisionNumber({ tx, conceptId });
  if (baseRevision !== undefined && baseRevision !== current)
    throw new AppError("conflict:revision", { details: { currentRevision: current } });
  return current;
}

/**
 * Records the concept's current structured content as its next revision. Call it inside the
 * transaction that made the change, so the change and its revision land together or not at all.
 * It holds the concept's row lock (see lockConceptRevisions), so concurrent revisions queue up
 * instead of colliding on their number.
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
  const latest = await lockConceptRevisions({ tx, conceptId });
  const content = await loadConceptContent({ db: tx, conceptId });
  if (!content) throw new AppError("not_found:concept");
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
