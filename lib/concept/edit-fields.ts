import { and, eq, max } from "drizzle-orm";
import { requireConceptRole, isUuid } from "@/lib/auth/access";
import type { ConceptCommand } from "@/lib/concept/concept-command";
import { chapters, fields } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { lockConceptRevisions, recordRevision } from "@/lib/revision/record-revision";
import { fieldEditSchema, fieldSchema } from "./schemas";

/**
 * Changes a field's title, strategic goal or prioritisation; moderators only; one revision;
 * refused with conflict:revision if the input's `baseRevision` is no longer the latest.
 */
export async function updateField({
  db,
  userId,
  conceptId,
  fieldId,
  input,
}: ConceptCommand & { fieldId: string }): Promise<void> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const { baseRevision, ...data } = parseInput(fieldEditSchema, input);
  if (!isUuid(fieldId)) throw new AppError("not_found:field");
  await db.transaction(async (tx) => {
    await lockConceptRevisions({ tx, conceptId, baseRevision });
    const [field] = await tx
      .update(fields)
      .set(data)
      .where(and(eq(fields.id, fieldId), eq(fields.conceptId, conceptId)))
      .returning({ number: fields.number });
    if (!field) throw new AppError("not_found:field");
    await recordRevision({
      tx,
      conceptId,
      authorId: userId ?? null,
      message: `Handlungsfeld ${field.number} bearbeitet`,
    });
  });
}

/** Appends a field of action with the next free number, plus its chapter; one revision. */
export async function addField({
  db,
  userId,
  conceptId,
  input,
}: ConceptCommand): Promise<{ fieldId: string }> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const data = parseInput(fieldSchema, input);
  return db.transaction(async (tx) => {
    // Also serialises the numbering: two fields added at once get consecutive numbers.
    await lockConceptRevisions({ tx, conceptId });
    const [last] = await tx
      .select({ number: max(fields.number) })
      .from(fields)
      .where(eq(fields.conceptId, conceptId));
    const number = (last?.number ?? 0) + 1;
    const [field] = await tx
      .insert(fields)
      .values({ ...data, conceptId, number })
      .returning({ id: fields.id });
    if (!field) throw new AppError("internal:field");
    await tx
      .insert(chapters)
      .values({ conceptId, fieldId: field.id, kind: "field", title: data.title, position: number });
    await recordRevision({
      tx,
      conceptId,
      authorId: userId ?? null,
      message: `Handlungsfeld ${number} angelegt`,
    });
    return { fieldId: field.id };
  });
}
