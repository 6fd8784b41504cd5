import "server-only";
import { eq } from "drizzle-orm";
import { identityOf } from "@/lib/auth/identity";
import type { Principal } from "@/lib/auth/principal";
import type { Queryable } from "@/lib/db/client";
import { workshopFields, workshops } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { resolveDocAccess, type DocAccess } from "@/lib/sync/doc-access";
import { formatDocName, scopeOwner } from "@/lib/sync/doc-names";
import { fieldsOfConcept } from "@/lib/concept/fields";

export interface BoardSession {
  workshop: { id: string; title: string; conceptId: string };
  fields: Array<{ id: string; number: number; title: string }>;
  boardDoc: string;
  controlDoc: string;
  /** This person's private scope (cards in private mode, anonymous cards, dots); null for viewers. */
  privateDoc: string | null;
  access: DocAccess;
  canModerate: boolean;
  /** Who this person is on the board: their presence name and the id their cards carry. */
  me: { id: string; name: string };
  /** Members come from the concept pages and may go back; guests only have the board. */
  isMember: boolean;
}

/** Everything the board page needs for one person, or the reason they may not see it. */
export async function openBoardSession({
  db,
  workshopId,
  principal,
}: {
  db: Queryable;
  workshopId: string;
  principal: Principal | null;
}): Promise<BoardSession> {
  const boardDoc = formatDocName({ kind: "board", id: workshopId });
  const controlDoc = formatDocName({ kind: "board-control", id: workshopId });
  const access = await resolveDocAccess({ db, docName: boardDoc, principal });
  const canModerate = (await resolveDocAccess({ db, docName: controlDoc, principal })) === "write";
  const [workshop] = await db
    .select({ id: workshops.id, title: workshops.title, conceptId: workshops.conceptId })
    .from(workshops)
    .where(eq(workshops.id, workshopId));
  if (!workshop || !principal) throw new AppError("not_found:workshop");
  const privateDoc =
    access === "write"
      ? formatDocName({ kind: "board-private", id: workshopId, owner: scopeOwner(principal) })
      : null;
  const me = await identityOf({ db, principal });
  if (!me) throw new AppError("unauthorized:session");
  return {
    workshop,
    fields: canModerate ? await boardFields(db, workshop) : [],
    boardDoc,
    controlDoc,
    privateDoc,
    access,
    canModerate,
    me,
    isMember: principal.kind === "user",
  };
}

/** The fields of action the board's templates lay out: the workshop's own, else all of the concept's. */
async function boardFields(db: Queryable, workshop: { id: string; conceptId: string }) {
  const all = (await fieldsOfConcept({ db, conceptId: workshop.conceptId })).map(
    ({ id, number, title }) => ({
      id,
      number,
      title,
    }),
  );
  const chosen = new Set(
    (
      await db
        .select({ fieldId: workshopFields.fieldId })
        .from(workshopFields)
        .where(eq(workshopFields.workshopId, workshop.id))
    ).map((row) => row.fieldId),
  );
  return chosen.size ? all.filter((field) => chosen.has(field.id)) : all;
}
