import { eq } from "drizzle-orm";
import { getConceptRole } from "@/lib/auth/access";
import type { Principal } from "@/lib/auth/principal";
import type { Queryable } from "@/lib/db/client";
import { chapters, guests, workshops } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatDocName, parseDocName, scopeOwner } from "./doc-names";

export type DocAccess = "write" | "read";

async function conceptOfDoc(db: Queryable, name: string) {
  const parsed = parseDocName(name);
  if (!parsed) throw new AppError("not_found:document");
  if (parsed.kind !== "chapter") {
    const [workshop] = await db
      .select({ conceptId: workshops.conceptId })
      .from(workshops)
      .where(eq(workshops.id, parsed.id));
    if (!workshop) throw new AppError("not_found:document");
    return { ...parsed, conceptId: workshop.conceptId, locked: false };
  }
  const [chapter] = await db
    .select({ conceptId: chapters.conceptId, status: chapters.status })
    .from(chapters)
    .where(eq(chapters.id, parsed.id));
  if (!chapter) throw new AppError("not_found:document");
  return { ...parsed, conceptId: chapter.conceptId, locked: chapter.status === "final" };
}

/**
 * What a principal may do with a real-time document. Members write boards and chapters unless
 * they are viewers; only moderators write a board's control document (facilitation); a private
 * scope opens only for its owner, who writes it if they may write the board; guests reach only
 * the board of the workshop they were invited to; a final chapter is read-only for everyone.
 * Throws unauthorized / not_found / forbidden.
 */
export async function resolveDocAccess({
  db,
  docName,
  principal,
}: {
  db: Queryable;
  docName: string;
  principal: Principal | null;
}): Promise<DocAccess> {
  if (!principal) throw new AppError("unauthorized:session");
  const doc = await conceptOfDoc(db, docName);
  if (doc.kind === "board-private") {
    if (doc.owner !== scopeOwner(principal)) throw new AppError("forbidden:document");
    const board = formatDocName({ kind: "board", id: doc.id });
    return resolveDocAccess({ db, docName: board, principal });
  }

  const isBoard = doc.kind === "board" || doc.kind === "board-control";
  let access: DocAccess;
  if (principal.kind === "guest") {
    if (!isBoard || doc.id !== principal.workshopId) throw new AppError("forbidden:document");
    const [guest] = await db
      .select({ role: guests.role, removedAt: guests.removedAt })
      .from(guests)
      .where(eq(guests.id, principal.guestId));
    if (!guest || guest.removedAt) throw new AppError("unauthorized:guest");
    access = guest.role === "participant" && doc.kind === "board" ? "write" : "read";
  } else {
    const role = await getConceptRole({ db, userId: principal.userId, conceptId: doc.conceptId });
    if (!role) throw new AppError("forbidden:document");
    if (doc.kind === "board-control") access = role === "moderator" ? "write" : "read";
    else access = role === "viewer" ? "read" : "write";
  }
  return doc.locked ? "read" : access;
}
