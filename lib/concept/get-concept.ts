import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { concepts } from "@/lib/db/schema";

export async function getConcept({ db, conceptId }: { db: Queryable; conceptId: string }) {
  const [concept] = await db.select().from(concepts).where(eq(concepts.id, conceptId));
  return concept;
}
