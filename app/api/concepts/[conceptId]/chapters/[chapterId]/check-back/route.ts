import { getCheckBack, startCheckBack } from "@/lib/chapter/check-back";
import { chapterRoute } from "@/lib/http/chapter-route";
import { readJson } from "@/lib/http/json-route";
import { publicBaseUrl } from "@/lib/http/review-route";

export const dynamic = "force-dynamic";

/** The latest check-back round with reviewers, their decisions and links, or null (editors+). */
export const GET = chapterRoute("editor", async ({ db, chapter }) =>
  Response.json(await getCheckBack({ db, chapter })),
);

/**
 * POST { reviewerIds?, link?: { expiresInHours } } → { reviewId, version, link? } (moderators):
 * freezes a check_back version, status in_review, closes the previous round.
 */
export const POST = chapterRoute("moderator", async ({ request, db, chapter, userId }) => {
  const input = await readJson({ request });
  return Response.json(
    await startCheckBack({ db, chapter, userId, input, baseUrl: publicBaseUrl(request) }),
    { status: 201 },
  );
});
