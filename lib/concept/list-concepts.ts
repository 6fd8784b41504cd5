import { asc, count, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { conceptMembers, concepts, fields } from "@/lib/db/schema";

/** The concepts a user belongs to, with their role; nothing for anyone else. */
export async function listConceptsForUser({ db, userId }: { db: Queryable; userId: string }) {
  const rows = await db
    .select({
      id: concepts.id,
      title: concepts.title,
      type: concepts.type,
      status: concepts.status,
      role: conceptMembers.role,
      fieldCount: count(fields.id),
    })
    .from(conceptMembers)
    .innerJoin(concepts, eq(concepts.id, conceptMembers.conceptId))
    .leftJoin(fields, eq(fields.conceptId, concepts.id))
    .where(eq(conceptMembers.userId, userId))
    .groupBy(concepts.id, conceptMembers.role)
    .orderBy(asc(concepts.title));
  return rows;
}
