import { requireConceptRole } from "@/lib/auth/access";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { formatDocName } from "@/lib/sync/doc-names";
import { listWorkshops } from "@/lib/workshop/workshops";

export const dynamic = "force-dynamic";

/** The concept's workshops with the name of each one's live board document. */
export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const { conceptId } = await params;
  const user = await getCurrentUser();
  const db = await getDb();
  await requireConceptRole({ db, userId: user?.id, conceptId, atLeast: "viewer" });
  const workshops = await listWorkshops({ db, conceptId });
  return Response.json(
    workshops.map((w) => ({ ...w, boardDoc: formatDocName({ kind: "board", id: w.id }) })),
  );
});
