/**
 * Who is making a request, read from its cookies: a signed-in account (next-auth session) or a
 * workshop guest who joined through an invite. Used where Next's helpers are not available,
 * e.g. during the sync server's WebSocket upgrade.
 */
import { decode } from "next-auth/jwt";
import type { guestRole } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { getAuthSecret } from "./secret";
import { verifyToken } from "./signed-token";

export type GuestRole = (typeof guestRole.enumValues)[number];

export type Principal =
  | { kind: "user"; userId: string }
  | { kind: "guest"; guestId: string; workshopId: string; role: GuestRole };

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
export const GUEST_COOKIE = "kw-guest";

/** The guest cookie is Secure (sent only over https) when the site is served over https. */
export function guestCookieSecure(): boolean {
  return getEnv().PUBLIC_URL?.startsWith("https://") ?? false;
}
export const GUEST_TOKEN_PURPOSE = "guest-session";

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

export interface GuestClaims {
  gid: string;
  wid: string;
  role: GuestRole;
}

export async function principalFromCookies(header: string | undefined): Promise<Principal | null> {
  const cookies = parseCookies(header);
  for (const name of SESSION_COOKIES) {
    const token = cookies.get(name);
    if (!token) continue;
    try {
      const session = await decode({ token, secret: getAuthSecret() });
      if (typeof session?.uid === "string") return { kind: "user", userId: session.uid };
    } catch {
      // an unreadable cookie is no credential
    }
  }
  const guestToken = cookies.get(GUEST_COOKIE);
  if (guestToken) {
    const claims = await verifyToken<GuestClaims & { [k: string]: unknown }>(
      GUEST_TOKEN_PURPOSE,
      guestToken,
    );
    if (claims && typeof claims.gid === "string" && typeof claims.wid === "string") {
      return { kind: "guest", guestId: claims.gid, workshopId: claims.wid, role: claims.role };
    }
  }
  return null;
}
