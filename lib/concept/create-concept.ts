import type { Db } from "@/lib/db/client";
import { chapters, conceptMembers, concepts, fields } from "@/lib/db/schema";
import { INTRO_CHAPTERS } from "@/lib/chapter/intro-chapters";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { recordRevision } from "@/lib/revision/record-revision";
import { createConceptSchema } from "./schemas";
import { LOWER_SAXONY_FIELDS } from "./templates";

/**
 * Opens a new concept with the creator as its moderator, optionally with the nine Lower Saxony
 * fields of action, with the introduction chapters and one chapter per field, and records it
 * as revision 1.
 */
export async function createConcept({
  db,
  user,
  input,
}: {
  db: Db;
  user: { id: string; canCreateConcepts: boolean };
  input: unknown;
}): Promise<{ conceptId: string }> {
  if (!user.canCreateConcepts) throw new AppError("forbidden:create_concept");
  const data = parseInput(createConceptSchema, input);
  return db.transaction(async (tx) => {
    const [concept] = await tx
      .insert(concepts)
      .values({ title: data.title, type: data.type })
      .returning({ id: concepts.id });
    if (!concept) throw new AppError("internal:concept");
    await tx
      .insert(conceptMembers)
      .values({ conceptId: concept.id, userId: user.id, role: "moderator" });
    await tx
      .insert(chapters)
      .values(INTRO_CHAPTERS.map((chapter) => ({ conceptId: concept.id, ...chapter })));
    if (data.template === "lower_saxony") {
      const created = await tx
        .insert(fields)
        .values(
          LOWER_SAXONY_FIELDS.map((title, i) => ({ conceptId: concept.id, number: i + 1, title })),
        )
        .returning({ id: fields.id, number: fields.number, title: fields.title });
      await tx.insert(chapters).values(
        created.map((field) => ({
          conceptId: concept.id,
          fieldId: field.id,
          kind: "field" as const,
          title: field.title,
          position: field.number,
        })),
      );
    }
    await recordRevision({
      tx,
      conceptId: concept.id,
      authorId: user.id,
      message: "Konzept angelegt",
    });
    return { conceptId: concept.id };
  });
}
