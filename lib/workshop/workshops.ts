import { asc, desc, eq, inArray } from "drizzle-orm";
import { requireConceptRole } from "@/lib/auth/access";
import { fieldsOfConcept } from "@/lib/concept/fields";
import type { ConceptCommand } from "@/lib/concept/concept-command";
import type { Queryable } from "@/lib/db/client";
import { fields, workshopFields, workshops } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { workshopSchema } from "@/lib/concept/schemas";

export async function listWorkshops({ db, conceptId }: { db: Queryable; conceptId: string }) {
  const rows = await db
    .select()
    .from(workshops)
    .where(eq(workshops.conceptId, conceptId))
    .orderBy(desc(workshops.date));
  const links = rows.length
    ? await db
        .select({ workshopId: workshopFields.workshopId, number: fields.number })
        .from(workshopFields)
        .innerJoin(fields, eq(fields.id, workshopFields.fieldId))
        .where(
          inArray(
            workshopFields.workshopId,
            rows.map((w) => w.id),
          ),
        )
        .orderBy(asc(fields.number))
    : [];
  return rows.map((workshop) => ({
    ...workshop,
    fieldNumbers: links.filter((l) => l.workshopId === workshop.id).map((l) => l.number),
  }));
}

/** Plans a workshop on some of the concept's fields of action; moderators only. */
export async function createWorkshop({
  db,
  userId,
  conceptId,
  input,
}: ConceptCommand): Promise<{ workshopId: string }> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const { fieldIds, ...data } = parseInput(workshopSchema, input);
  return db.transaction(async (tx) => {
    const known = new Set((await fieldsOfConcept({ db: tx, conceptId })).map((f) => f.id));
    if (fieldIds.some((id) => !known.has(id))) {
      throw new AppError("bad_request:workshop", { fields: { fieldIds: "invalid_choice" } });
    }
    const [workshop] = await tx
      .insert(workshops)
      .values({ ...data, conceptId })
      .returning({ id: workshops.id });
    if (!workshop) throw new AppError("internal:workshop");
    if (fieldIds.length) {
      await tx
        .insert(workshopFields)
        .values(fieldIds.map((fieldId) => ({ workshopId: workshop.id, fieldId })));
    }
    return { workshopId: workshop.id };
  });
}
