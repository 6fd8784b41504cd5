import { decideReview } from "@/lib/chapter/reviews";
import { readJson } from "@/lib/http/json-route";
import { reviewRoute } from "@/lib/http/review-route";

export const dynamic = "force-dynamic";

/** POST { decision: "approved" | "changes_requested", comment? } → the reviewer's answer. */
export const POST = reviewRoute(async ({ request, db, reviewId, credentials }) => {
  const input = await readJson({ request });
  return Response.json(await decideReview({ db, reviewId, credentials, input }));
});
