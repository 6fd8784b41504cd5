import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { fields } from "@/lib/db/schema";

export async function fieldsOfConcept({ db, conceptId }: { db: Queryable; conceptId: string }) {
  return db
    .select()
    .from(fields)
    .where(eq(fields.conceptId, conceptId))
    .orderBy(asc(fields.number));
}
