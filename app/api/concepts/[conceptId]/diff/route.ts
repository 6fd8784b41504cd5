import { conceptRoute } from "@/lib/http/concept-route";
import { parseRevisionNumber } from "@/lib/revision/revision-number";
import { diffRevisions } from "@/lib/revision/revisions";

export const dynamic = "force-dynamic";

/** GET ?from=<n>&to=<m>: goals and measures added, changed and removed between two revisions. */
export const GET = conceptRoute("viewer", async ({ request, db, conceptId }) => {
  const query = new URL(request.url).searchParams;
  const from = parseRevisionNumber(query.get("from"), "from");
  const to = parseRevisionNumber(query.get("to"), "to");
  return Response.json(await diffRevisions({ db, conceptId, from, to }));
});
