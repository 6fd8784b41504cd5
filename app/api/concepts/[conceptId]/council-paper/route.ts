import { loadCouncilPaper, saveCouncilPaper } from "@/lib/council-paper/council-paper";
import { conceptRoute } from "@/lib/http/concept-route";
import { readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/** The council paper as the form edits it: stored, else pre-filled from the concept. Members. */
export const GET = conceptRoute("viewer", async ({ db, conceptId }) => {
  const { createdAt: _createdAt, ...state } = await loadCouncilPaper({ db, conceptId });
  return Response.json(state);
});

/** Stores the council paper (moderators); invalid input is a 400 naming each wrong field. */
export const PUT = conceptRoute("moderator", async ({ request, db, conceptId, userId }) => {
  const input = await readJson({ request });
  return Response.json(await saveCouncilPaper({ db, conceptId, userId, input }));
});
