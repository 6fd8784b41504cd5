import { revokeReviewLink } from "@/lib/chapter/check-back";
import { chapterRoute } from "@/lib/http/chapter-route";

export const dynamic = "force-dynamic";

/** Revokes a review link (moderators) → 204. */
export const DELETE = chapterRoute("moderator", async ({ db, chapter, params }) => {
  await revokeReviewLink({ db, chapter, linkId: params.linkId! });
  return new Response(null, { status: 204 });
});
