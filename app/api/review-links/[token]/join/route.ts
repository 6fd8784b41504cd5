import { cookies } from "next/headers";
import { requestAddress } from "@/lib/auth/client-address";
import { guestCookieSecure } from "@/lib/auth/principal";
import { consumeInviteJoin } from "@/lib/auth/rate-limit";
import { REVIEWER_COOKIE, REVIEWER_SESSION_TTL_SECONDS } from "@/lib/auth/reviewer-session";
import { joinReview } from "@/lib/chapter/reviews";
import { getDb } from "@/lib/db/client";
import { jsonRoute, readJson } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/**
 * POST { name, organisation } → { reviewId }: joins the link's check-back round as a reviewer
 * (sets the `kw-reviewer` cookie). Rate-limited per address like invite joins.
 */
export const POST = jsonRoute(
  async (request, { params }: { params: Promise<{ token: string }> }) => {
    const limit = await consumeInviteJoin({ address: requestAddress(request.headers) });
    if (!limit.allowed) {
      return Response.json(
        { error: "too_many_requests:join", retryAfterSeconds: limit.retryAfterSeconds },
        { status: 429, headers: { "retry-after": String(limit.retryAfterSeconds) } },
      );
    }
    const { token } = await params;
    const input = await readJson({ request });
    const joined = await joinReview({ db: await getDb(), token, input });
    (await cookies()).set(REVIEWER_COOKIE, joined.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: guestCookieSecure(),
      path: "/",
      maxAge: REVIEWER_SESSION_TTL_SECONDS,
    });
    return Response.json({ reviewId: joined.reviewId }, { status: 201 });
  },
);
