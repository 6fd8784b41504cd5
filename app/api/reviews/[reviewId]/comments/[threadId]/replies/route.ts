import { replyAsReviewer } from "@/lib/chapter/reviews";
import { readJson } from "@/lib/http/json-route";
import { reviewRoute } from "@/lib/http/review-route";

export const dynamic = "force-dynamic";

/** POST { body } → the thread with the reviewer's reply. */
export const POST = reviewRoute(async ({ request, db, reviewId, credentials, params }) => {
  const input = await readJson({ request });
  return Response.json(
    await replyAsReviewer({ db, reviewId, threadId: params.threadId!, credentials, input }),
    { status: 201 },
  );
});
