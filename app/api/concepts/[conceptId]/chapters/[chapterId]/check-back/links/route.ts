import { createReviewLink } from "@/lib/chapter/check-back";
import { chapterRoute } from "@/lib/http/chapter-route";
import { readJson } from "@/lib/http/json-route";
import { publicBaseUrl } from "@/lib/http/review-route";

export const dynamic = "force-dynamic";

/** POST { expiresInHours } → { id, url, expiresAt } (moderators; the open round). */
export const POST = chapterRoute("moderator", async ({ request, db, chapter, userId }) => {
  const input = await readJson({ request });
  return Response.json(
    await createReviewLink({ db, chapter, userId, input, baseUrl: publicBaseUrl(request) }),
    { status: 201 },
  );
});
