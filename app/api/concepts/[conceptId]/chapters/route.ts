import { requireConceptRole } from "@/lib/auth/access";
import { getCurrentUser } from "@/lib/auth/session";
import { listChapters } from "@/lib/concept/chapters";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { formatDocName } from "@/lib/sync/doc-names";

export const dynamic = "force-dynamic";

/** The concept's chapters with the name of each one's collaborative document. */
export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ conceptId: string }> }) => {
  const { conceptId } = await params;
  const user = await getCurrentUser();
  const db = await getDb();
  await requireConceptRole({ db, userId: user?.id, conceptId, atLeast: "viewer" });
  const chapters = await listChapters({ db, conceptId });
  return Response.json(chapters.map((c) => ({ ...c, doc: formatDocName({ kind: "chapter", id: c.id }) })));
});
