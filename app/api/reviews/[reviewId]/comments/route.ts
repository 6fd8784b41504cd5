import { commentAsReviewer } from "@/lib/chapter/reviews";
import { readJson } from "@/lib/http/json-route";
import { reviewRoute } from "@/lib/http/review-route";

export const dynamic = "force-dynamic";

/** POST { quote, body, anchor: { from, to } } → the thread; the server sets the comment mark. */
export const POST = reviewRoute(async ({ request, db, reviewId, credentials }) => {
  const input = await readJson({ request });
  return Response.json(await commentAsReviewer({ db, reviewId, credentials, input }), {
    status: 201,
  });
});
