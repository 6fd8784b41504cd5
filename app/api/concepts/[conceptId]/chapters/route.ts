import { listChapters } from "@/lib/chapter/chapters";
import { conceptRoute } from "@/lib/http/concept-route";

export const dynamic = "force-dynamic";

/** The concept's chapters (viewers: final ones only, without comment counts). */
export const GET = conceptRoute("viewer", async ({ db, conceptId, role }) =>
  Response.json(await listChapters({ db, conceptId, role })),
);
