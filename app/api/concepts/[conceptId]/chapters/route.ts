import { listChapters } from "@/lib/concept/chapters";
import { conceptRoute } from "@/lib/http/concept-route";
import { formatDocName } from "@/lib/sync/doc-names";

export const dynamic = "force-dynamic";

/** The concept's chapters with the name of each one's collaborative document. */
export const GET = conceptRoute("viewer", async ({ db, conceptId }) => {
  const chapters = await listChapters({ db, conceptId });
  return Response.json(
    chapters.map((c) => ({ ...c, doc: formatDocName({ kind: "chapter", id: c.id }) })),
  );
});
