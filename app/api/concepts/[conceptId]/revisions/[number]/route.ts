import { conceptRoute } from "@/lib/http/concept-route";
import { parseRevisionNumber } from "@/lib/revision/revision-number";
import { revisionContent } from "@/lib/revision/revisions";

export const dynamic = "force-dynamic";

/** The concept's structured content as of one revision; any member may read it. */
export const GET = conceptRoute("viewer", async ({ db, conceptId, params }) =>
  Response.json(
    await revisionContent({ db, conceptId, number: parseRevisionNumber(params.number!, "number") }),
  ),
);
