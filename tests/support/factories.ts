import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { conceptMembers, concepts, fields, type ConceptRole } from "@/lib/db/schema";
import { users } from "@/lib/db/schema";

export async function buildUser(
  db: Db,
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<{ id: string; email: string; canCreateConcepts: boolean }> {
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${crypto.randomUUID()}@example.test`,
      name: "Test Person",
      ...overrides,
    })
    .returning({ id: users.id, email: users.email, canCreateConcepts: users.canCreateConcepts });
  if (!user) throw new Error("user not created");
  return user;
}

/** A concept with `fieldCount` numbered fields and the given members. */
export async function buildConcept(
  db: Db,
  {
    title = "Integrationskonzept Teststadt",
    members = [],
    fieldCount = 2,
  }: {
    title?: string;
    members?: Array<{ userId: string; role: ConceptRole }>;
    fieldCount?: number;
  } = {},
) {
  const [concept] = await db
    .insert(concepts)
    .values({ title, type: "integration_concept" })
    .returning({ id: concepts.id });
  if (!concept) throw new Error("concept not created");
  if (members.length) {
    await db.insert(conceptMembers).values(members.map((m) => ({ ...m, conceptId: concept.id })));
  }
  const created = fieldCount
    ? await db
        .insert(fields)
        .values(
          Array.from({ length: fieldCount }, (_, i) => ({
            conceptId: concept.id,
            number: i + 1,
            title: `Handlungsfeld ${i + 1}`,
          })),
        )
        .returning({ id: fields.id, number: fields.number })
    : [];
  return { id: concept.id, fields: created };
}
