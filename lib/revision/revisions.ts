import { and, desc, eq } from "drizzle-orm";
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import type { Queryable } from "@/lib/db/client";
import { revisions, users, workshops } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { diffContent, type ContentDiff } from "./diff-content";

export interface RevisionSummary {
  number: number;
  message: string;
  authorName: string | null;
  createdAt: Date;
  workshop: { id: string; title: string } | null;
}

/** A concept's revisions, newest first: who made each, when, why, and from which workshop. */
export async function listRevisions({
  db,
  conceptId,
}: {
  db: Queryable;
  conceptId: string;
}): Promise<RevisionSummary[]> {
  const rows = await db
    .select({
      number: revisions.number,
      message: revisions.message,
      authorName: users.name,
      createdAt: revisions.createdAt,
      workshopId: workshops.id,
      workshopTitle: workshops.title,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .leftJoin(workshops, eq(workshops.id, revisions.sourceWorkshopId))
    .where(eq(revisions.conceptId, conceptId))
    .orderBy(desc(revisions.number));
  return rows.map(({ workshopId, workshopTitle, ...row }) => ({
    ...row,
    workshop: workshopId && workshopTitle ? { id: workshopId, title: workshopTitle } : null,
  }));
}

/** The concept's structured content as of a revision. */
export async function revisionContent({
  db,
  conceptId,
  number,
}: {
  db: Queryable;
  conceptId: string;
  number: number;
}): Promise<ConceptContent> {
  const [row] = await db
    .select({ content: revisions.content })
    .from(revisions)
    .where(and(eq(revisions.conceptId, conceptId), eq(revisions.number, number)));
  if (!row) throw new AppError("not_found:revision");
  return row.content as ConceptContent;
}

/** What changed from one revision to another (either order). */
export async function diffRevisions({
  db,
  conceptId,
  from,
  to,
}: {
  db: Queryable;
  conceptId: string;
  from: number;
  to: number;
}): Promise<ContentDiff> {
  const [before, after] = await Promise.all([
    revisionContent({ db, conceptId, number: from }),
    revisionContent({ db, conceptId, number: to }),
  ]);
  return diffContent(before, after);
}
