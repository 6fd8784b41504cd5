import { cookies } from "next/headers";
import { requestAddress } from "@/lib/auth/client-address";
import { GUEST_COOKIE, guestCookieSecure } from "@/lib/auth/principal";
import { consumeInviteJoin } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/client";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { GUEST_SESSION_TTL_SECONDS, joinWorkshop } from "@/lib/workshop/invites";

export const dynamic = "force-dynamic";

/** POST { displayName, organisationKind? }: joins the invite's workshop as a guest (sets the guest cookie). */
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
    const joined = await joinWorkshop({ db: await getDb(), token, input });
    (await cookies()).set(GUEST_COOKIE, joined.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: guestCookieSecure(),
      path: "/",
      maxAge: GUEST_SESSION_TTL_SECONDS,
    });
    return Response.json(
      { guestId: joined.guestId, workshopId: joined.workshopId },
      { status: 201 },
    );
  },
);
