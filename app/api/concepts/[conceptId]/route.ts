import { requireConceptRole } from "@/lib/auth/access";
import { getCurrentUser } from "@/lib/auth/session";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/** The concept's current structured content as JSON; any member may read it. */
export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const { conceptId } = await params;
  const user = await getCurrentUser();
  const db = await getDb();
  await requireConceptRole({ db, userId: user?.id, conceptId, atLeast: "viewer" });
  const content = await loadConceptContent({ db, conceptId });
  if (!content) throw new AppError("not_found:concept");
  return Response.json(content);
});
