import { getReview } from "@/lib/chapter/reviews";
import { reviewRoute } from "@/lib/http/review-route";

export const dynamic = "force-dynamic";

/** The version under check-back, the reviewer's decision and the round's threads (reviewers). */
export const GET = reviewRoute(async ({ db, reviewId, credentials }) =>
  Response.json(await getReview({ db, reviewId, credentials })),
);
