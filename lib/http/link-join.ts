import { cookies } from "next/headers";
import { requestAddress } from "@/lib/auth/client-address";
import { guestCookieSecure } from "@/lib/auth/principal";
import { consumeInviteJoin } from "@/lib/auth/rate-limit";

/** Joining through a link (invite or review) is rate-limited per address: a 429, or null to go on. */
export async function refusedJoinBurst(request: Request): Promise<Response | null> {
  const limit = await consumeInviteJoin({ address: requestAddress(request.headers) });
  if (limit.allowed) return null;
  return Response.json(
    { error: "too_many_requests:join", retryAfterSeconds: limit.retryAfterSeconds },
    { status: 429, headers: { "retry-after": String(limit.retryAfterSeconds) } },
  );
}

/** The session cookie of someone who joined through a link (Secure behind https). */
export async function setLinkSessionCookie(name: string, token: string, maxAge: number) {
  (await cookies()).set(name, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: guestCookieSecure(),
    path: "/",
    maxAge,
  });
}
