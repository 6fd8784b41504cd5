import { REVIEWER_COOKIE, REVIEWER_SESSION_TTL_SECONDS } from "@/lib/auth/reviewer-session";
import { joinReview } from "@/lib/chapter/reviews";
import { getDb } from "@/lib/db/client";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { refusedJoinBurst, setLinkSessionCookie } from "@/lib/http/link-join";

export const dynamic = "force-dynamic";

/**
 * POST { name, organisation } → { reviewId }: joins the link's check-back round as a reviewer
 * (sets the `kw-reviewer` cookie). Rate-limited per address like invite joins.
 */
export const POST = jsonRoute(
  async (request, { params }: { params: Promise<{ token: string }> }) => {
    const refused = await refusedJoinBurst(request);
    if (refused) return refused;
    const { token } = await params;
    const input = await readJson({ request });
    const joined = await joinReview({ db: await getDb(), token, input });
    await setLinkSessionCookie(REVIEWER_COOKIE, joined.sessionToken, REVIEWER_SESSION_TTL_SECONDS);
    return Response.json({ reviewId: joined.reviewId }, { status: 201 });
  },
);
