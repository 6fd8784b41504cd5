import "server-only";
import { cookies, headers } from "next/headers";
import { decode, encode, type JWT } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS } from "./options";
import { getAuthSecret } from "./secret";

/**
 * next-auth's session cookie, written and cleared by server actions (the sign-in form posts to
 * one, so it works before the page has hydrated). Same token, name and attributes as next-auth's
 * own: `__Secure-` and Secure behind https, as next-auth decides it.
 */
const BASE_NAME = "next-auth.session-token";

async function isSecure(): Promise<boolean> {
  const publicUrl = getEnv().PUBLIC_URL;
  if (publicUrl) return publicUrl.startsWith("https://");
  // Without PUBLIC_URL next-auth trusts the proxy's X-Forwarded-Proto (AUTH_TRUST_HOST).
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

async function cookieName(): Promise<string> {
  return (await isSecure()) ? `__Secure-${BASE_NAME}` : BASE_NAME;
}

export async function setSessionCookie({
  user,
}: {
  user: { id: string; email: string; name: string };
}): Promise<void> {
  const token: JWT = { name: user.name, email: user.email, sub: user.id, uid: user.id };
  const value = await encode({ token, secret: getAuthSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  (await cookies()).set(await cookieName(), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: await isSecure(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Clears the session cookie (and any chunks of it); returns the session that it held. */
export async function clearSessionCookie(): Promise<JWT | null> {
  const store = await cookies();
  const name = await cookieName();
  let session: JWT | null = null;
  const whole =
    store.get(name)?.value ??
    store
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()))
      .map((c) => c.value)
      .join("");
  if (whole) {
    try {
      session = await decode({ token: whole, secret: getAuthSecret() });
    } catch {
      session = null;
    }
  }
  for (const cookie of store.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) {
      store.set(cookie.name, "", {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: await isSecure(),
        maxAge: 0,
      });
    }
  }
  return session;
}

/** This site's origin as the browser sees it. */
export async function publicOrigin(): Promise<string> {
  const publicUrl = getEnv().PUBLIC_URL;
  if (publicUrl) return new URL(publicUrl).origin;
  const list = await headers();
  const proto = (await isSecure()) ? "https" : "http";
  return `${proto}://${list.get("x-forwarded-host") ?? list.get("host") ?? "localhost"}`;
}
