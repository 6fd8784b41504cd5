import { and, eq } from "drizzle-orm";
import { isUuid, requireConceptRole } from "@/lib/auth/access";
import type { ConceptCommand } from "@/lib/concept/concept-command";
import type { Tx } from "@/lib/db/client";
import { fields, goals, measures, responsibilities } from "@/lib/db/schema";
import { responsibilityRoles } from "@/lib/domain-values";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { lockConceptRevisions, recordRevision } from "@/lib/revision/record-revision";
import { organisationsByName } from "./organisations";
import { goalEditSchema, measureEditSchema } from "./schemas";

/** The goal with its field's number, if it belongs to the concept. */
async function goalOfConcept(tx: Tx, conceptId: string, goalId: string) {
  if (!isUuid(goalId)) return undefined;
  const [goal] = await tx
    .select({ id: goals.id, number: goals.number, fieldNumber: fields.number })
    .from(goals)
    .innerJoin(fields, eq(fields.id, goals.fieldId))
    .where(and(eq(goals.id, goalId), eq(fields.conceptId, conceptId)));
  return goal;
}

/**
 * Changes a goal's text or retires it (its number stays taken); moderators only; one revision.
 * Refused with conflict:revision if the input's `baseRevision` is no longer the latest.
 */
export async function updateGoal({
  db,
  userId,
  conceptId,
  goalId,
  input,
}: ConceptCommand & { goalId: string }): Promise<void> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const { baseRevision, ...data } = parseInput(goalEditSchema, input);
  await db.transaction(async (tx) => {
    await lockConceptRevisions({ tx, conceptId, baseRevision });
    const goal = await goalOfConcept(tx, conceptId, goalId);
    if (!goal) throw new AppError("not_found:goal");
    await tx
      .update(goals)
      .set({ text: data.text, retiredAt: data.retired ? new Date() : null })
      .where(eq(goals.id, goalId));
    await recordRevision({
      tx,
      conceptId,
      authorId: userId ?? null,
      message: `Ziel ${goal.fieldNumber}.${goal.number} bearbeitet`,
    });
  });
}

/**
 * Changes a measure: texts, status, priority, budget flag, responsibilities (organisation names
 * per role; unknown ones are added), or retires it. Moderators only; one revision; refused with
 * conflict:revision if the input's `baseRevision` is no longer the latest.
 */
export async function updateMeasure({
  db,
  userId,
  conceptId,
  measureId,
  input,
}: ConceptCommand & { measureId: string }): Promise<void> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const { lead, partner, involved, retired, baseRevision, ...data } = parseInput(
    measureEditSchema,
    input,
  );
  if (!isUuid(measureId)) throw new AppError("not_found:measure");
  await db.transaction(async (tx) => {
    await lockConceptRevisions({ tx, conceptId, baseRevision });
    const [measure] = await tx
      .select({ goalId: measures.goalId, number: measures.number, retiredAt: measures.retiredAt })
      .from(measures)
      .where(eq(measures.id, measureId));
    const goal = measure && (await goalOfConcept(tx, conceptId, measure.goalId));
    if (!measure || !goal) throw new AppError("not_found:measure");
    await tx
      .update(measures)
      .set({ ...data, retiredAt: retired ? (measure.retiredAt ?? new Date()) : null })
      .where(eq(measures.id, measureId));

    const byRole = { lead, partner, involved };
    const ids = await organisationsByName(tx, [...lead, ...partner, ...involved]);
    const seen = new Set<string>();
    const rows = responsibilityRoles.flatMap((role) =>
      byRole[role].flatMap((name) => {
        const organisationId = ids.get(name.toLowerCase())!;
        if (seen.has(organisationId)) return [];
        seen.add(organisationId);
        return [{ measureId, organisationId, role }];
      }),
    );
    await tx.delete(responsibilities).where(eq(responsibilities.measureId, measureId));
    if (rows.length)
      await tx.insert(responsibilities).values(rows.map((row, position) => ({ ...row, position })));
    await recordRevision({
      tx,
      conceptId,
      authorId: userId ?? null,
      message: `Maßnahme ${goal.fieldNumber}.${goal.number}.${measure.number} bearbeitet`,
    });
  });
}
