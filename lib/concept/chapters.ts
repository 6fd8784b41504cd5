import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { chapters } from "@/lib/db/schema";

export async function listChapters({ db, conceptId }: { db: Queryable; conceptId: string }) {
  return db
    .select({
      id: chapters.id,
      kind: chapters.kind,
      title: chapters.title,
      status: chapters.status,
      fieldId: chapters.fieldId,
    })
    .from(chapters)
    .where(eq(chapters.conceptId, conceptId))
    .orderBy(asc(chapters.position));
}
