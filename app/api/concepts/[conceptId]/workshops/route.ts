import { conceptRoute } from "@/lib/http/concept-route";
import { formatDocName } from "@/lib/sync/doc-names";
import { listWorkshops } from "@/lib/workshop/workshops";

export const dynamic = "force-dynamic";

/** The concept's workshops with the name of each one's live board document. */
export const GET = conceptRoute("viewer", async ({ db, conceptId }) => {
  const workshops = await listWorkshops({ db, conceptId });
  return Response.json(
    workshops.map((w) => ({ ...w, boardDoc: formatDocName({ kind: "board", id: w.id }) })),
  );
});
