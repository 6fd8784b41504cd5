import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { chapters } from "@/lib/db/schema";

/** One chapter of a concept, or undefined (also for an id that is not a uuid). */
export async function getChapter({
  db,
  conceptId,
  chapterId,
}: {
  db: Queryable;
  conceptId: string;
  chapterId: string;
}) {
  if (!z.uuid().safeParse(chapterId).success) return undefined;
  const [chapter] = await db
    .select({
      id: chapters.id,
      title: chapters.title,
      status: chapters.status,
      kind: chapters.kind,
    })
    .from(chapters)
    .where(and(eq(chapters.id, chapterId), eq(chapters.conceptId, conceptId)));
  return chapter;
}
