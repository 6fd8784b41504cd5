import { conceptRoute } from "@/lib/http/concept-route";
import { listRevisions } from "@/lib/revision/revisions";

export const dynamic = "force-dynamic";

/** The concept's revisions, newest first; any member may read them. */
export const GET = conceptRoute("viewer", async ({ db, conceptId }) =>
  Response.json(await listRevisions({ db, conceptId })),
);
