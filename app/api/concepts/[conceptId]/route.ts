import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { AppError } from "@/lib/errors";
import { conceptRoute } from "@/lib/http/concept-route";
import { parseRevisionNumber } from "@/lib/revision/revision-number";
import { revisionContent } from "@/lib/revision/revisions";

export const dynamic = "force-dynamic";

/**
 * The concept's structured content as JSON, now or (with ?revision=<n>) as of a revision; any
 * member may read it.
 */
export const GET = conceptRoute("viewer", async ({ request, db, conceptId }) => {
  const revision = new URL(request.url).searchParams.get("revision");
  if (revision !== null) {
    const number = parseRevisionNumber(revision, "revision");
    return Response.json(await revisionContent({ db, conceptId, number }));
  }
  const content = await loadConceptContent({ db, conceptId });
  if (!content) throw new AppError("not_found:concept");
  return Response.json(content);
});
