import { cookies } from "next/headers";
import { readReviewerSession, REVIEWER_COOKIE } from "@/lib/auth/reviewer-session";
import { getCurrentUser } from "@/lib/auth/session";
import type { ReviewCredentials } from "@/lib/chapter/reviews";
import { getDb, type Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { jsonRoute } from "./json-route";

type Params = { params: Promise<{ reviewId: string } & Record<string, string>> };

/**
 * A JSON route under /api/reviews/<reviewId>: hands the handler the caller's credentials, a
 * signed-in member's account and/or the `kw-reviewer` cookie; the lib function decides whether
 * they make a reviewer of this round.
 */
export function reviewRoute(
  handler: (context: {
    request: Request;
    db: Db;
    reviewId: string;
    credentials: ReviewCredentials;
    params: Record<string, string>;
  }) => Promise<Response>,
) {
  return jsonRoute(async (request: Request, { params }: Params) => {
    const all = await params;
    const [user, reviewer] = await Promise.all([
      getCurrentUser(),
      readReviewerSession((await cookies()).get(REVIEWER_COOKIE)?.value),
    ]);
    return handler({
      request,
      db: await getDb(),
      reviewId: all.reviewId,
      credentials: { userId: user?.id ?? null, reviewer },
      params: all,
    });
  });
}

/**
 * The base of links shown to people: PUBLIC_URL, else the host the request was sent to (its Host
 * header; request.url names the custom server's own address, e.g. localhost), over https when
 * the proxy says so (X-Forwarded-Proto, trusted like next-auth's AUTH_TRUST_HOST).
 */
export function publicBaseUrl(request: Request): string {
  const publicUrl = getEnv().PUBLIC_URL;
  if (publicUrl) return new URL(publicUrl).origin;
  const own = new URL(request.url);
  const host = request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = proto === "https" || proto === "http" ? `${proto}:` : own.protocol;
  try {
    return host ? new URL(`${protocol}//${host}`).origin : own.origin;
  } catch {
    return own.origin;
  }
}
