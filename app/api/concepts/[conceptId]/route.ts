import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { AppError } from "@/lib/errors";
import { conceptRoute } from "@/lib/http/concept-route";

export const dynamic = "force-dynamic";

/** The concept's current structured content as JSON; any member may read it. */
export const GET = conceptRoute("viewer", async ({ db, conceptId }) => {
  const content = await loadConceptContent({ db, conceptId });
  if (!content) throw new AppError("not_found:concept");
  return Response.json(content);
});
