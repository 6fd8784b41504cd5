"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { requestAddress } from "@/lib/auth/client-address";
import { signInWithPassword } from "@/lib/auth/credentials";
import { endSessionEndpoint } from "@/lib/auth/oidc";
import { clearSessionCookie, publicOrigin, setSessionCookie } from "@/lib/auth/session-cookie";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export interface SignInState {
  error?: "invalidCredentials" | "tooManyAttempts";
  email?: string;
  retryAfterMinutes?: number;
}

/**
 * The sign-in form's action. A form with a server action posts (multipart) even before the
 * page has hydrated, so e-mail and password never end up in a URL.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const result = await signInWithPassword({
    db: await getDb(),
    input: { email, password: String(form.get("password") ?? "") },
    address: requestAddress(await headers()),
  });
  if (!result.ok) {
    if (result.reason === "too_many_attempts") {
      return {
        error: "tooManyAttempts",
        email,
        retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60),
      };
    }
    return { error: "invalidCredentials", email };
  }
  await setSessionCookie({ user: result.user });
  redirect(safeCallbackPath(String(form.get("callbackUrl") ?? "/")));
}

/**
 * Signs out here and, for a session that began at the OpenID provider, at the provider too
 * (RP-initiated logout) when it offers that; otherwise the sign-in page says that the
 * provider's session still runs.
 */
export async function signOutAction(): Promise<void> {
  const session = await clearSessionCookie();
  if (!session?.sso) redirect("/login?signedOut=local");
  const endpoint = await endSessionEndpoint();
  if (!endpoint) redirect("/login?signedOut=provider_active");
  const url = new URL(endpoint);
  if (session.sso.idToken) url.searchParams.set("id_token_hint", session.sso.idToken);
  url.searchParams.set("client_id", getEnv().OIDC_CLIENT_ID ?? "");
  url.searchParams.set(
    "post_logout_redirect_uri",
    `${await publicOrigin()}/login?signedOut=provider`,
  );
  redirect(url.toString());
}
