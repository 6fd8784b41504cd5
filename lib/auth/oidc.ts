/**
 * Single sign-on with any standard OpenID provider (Keycloak, Azure AD, …), switched on by
 * OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
 *
 * - The ID token is validated (signature with OIDC_ID_TOKEN_ALG, issuer, audience, PKCE, state),
 *   and the claims come from the userinfo endpoint as well as the ID token, because standard
 *   providers put the e-mail only into userinfo.
 * - A person is matched to an account only by a verified e-mail (`email_verified: true`, or an
 *   address in OIDC_VERIFIED_EMAIL_DOMAINS). Unknown e-mails get an account only with
 *   OIDC_CREATE_ACCOUNTS=true.
 * - Every refusal has a reason, shown on the sign-in page and written to the log.
 */
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { findUserByEmail } from "./credentials";

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
  [claim: string]: unknown;
}

/** The user object next-auth passes on: the merged claims that the decision needs. */
export interface OidcUser {
  id: string;
  email: string | null;
  name: string | null;
  emailVerified: boolean;
}

export type SsoRefusal = "no_email" | "email_unverified" | "no_account";

/** The sign-in page's error code for each refusal (also the `?error=` value). */
export const SSO_REFUSAL_ERRORS: Record<SsoRefusal, string> = {
  no_email: "SsoNoEmail",
  email_unverified: "SsoEmailUnverified",
  no_account: "SsoNoAccount",
};

function issuerUrl(): string | undefined {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return undefined;
  return env.OIDC_ISSUER.replace(/\/$/, "");
}

export function isOidcEnabled(): boolean {
  return issuerUrl() !== undefined;
}

function isVerified(claims: OidcClaims): boolean {
  const email = claims.email?.toLowerCase();
  if (!email) return false;
  if (claims.email_verified === true || claims.email_verified === "true") return true;
  const domain = email.split("@").pop() ?? "";
  return getEnv().OIDC_VERIFIED_EMAIL_DOMAINS.includes(domain);
}

export function oidcProvider(): OAuthConfig<OidcClaims> | undefined {
  const issuer = issuerUrl();
  if (!issuer) return undefined;
  const env = getEnv();
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    client: { id_token_signed_response_alg: env.OIDC_ID_TOKEN_ALG },
    authorization: { params: { scope: "openid email profile" } },
    // Validate the ID token (openid-client's `callback`), then read userinfo as well.
    idToken: true,
    checks: ["pkce", "state"],
    userinfo: {
      async request({ tokens: params, client }) {
        // At run time next-auth hands over openid-client's TokenSet (typed as its parameters).
        const tokens = params as unknown as TokenSet;
        const idClaims = tokens.claims() as OidcClaims;
        if (!tokens.access_token) return idClaims;
        // openid-client checks that userinfo's `sub` is the ID token's.
        const info = (await client.userinfo(tokens)) as OidcClaims;
        return { ...idClaims, ...info };
      },
    },
    profile: (claims) =>
      ({
        id: claims.sub,
        email: claims.email?.toLowerCase() ?? null,
        name: claims.name ?? claims.preferred_username ?? claims.email ?? null,
        emailVerified: isVerified(claims),
      }) satisfies OidcUser,
  };
}

/**
 * Decides whether an SSO sign-in may go ahead, and as whom: an existing account with that
 * (verified) e-mail, or, if allowed, a new account without any concept membership.
 */
export async function decideSsoSignIn({
  db,
  user,
}: {
  db: Queryable;
  user: OidcUser;
}): Promise<{ ok: true; userId: string } | { ok: false; reason: SsoRefusal }> {
  const refuse = (reason: SsoRefusal) => {
    log.warn("sso sign-in refused", { reason, sub: user.id, email: user.email ?? undefined });
    return { ok: false as const, reason };
  };
  if (!user.email) return refuse("no_email");
  if (!user.emailVerified) return refuse("email_unverified");
  const existing = await findUserByEmail({ db, email: user.email });
  if (existing) {
    log.info("sso sign-in", { userId: existing.id, sub: user.id });
    return { ok: true, userId: existing.id };
  }
  if (!getEnv().OIDC_CREATE_ACCOUNTS) return refuse("no_account");
  const [created] = await db
    .insert(users)
    .values({ email: user.email, name: user.name ?? user.email })
    .onConflictDoNothing()
    .returning({ id: users.id });
  const userId = created?.id ?? (await findUserByEmail({ db, email: user.email }))?.id;
  if (!userId) return refuse("no_account");
  log.info("sso account created", { userId, sub: user.id });
  return { ok: true, userId };
}

interface Discovery {
  end_session_endpoint?: string;
}
let discovery: Promise<Discovery> | undefined;

/** The provider's logout endpoint (RP-initiated logout), if it has one. */
export async function endSessionEndpoint(): Promise<string | undefined> {
  const issuer = issuerUrl();
  if (!issuer) return undefined;
  discovery ??= fetch(`${issuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(5000),
  })
    .then((response) => (response.ok ? (response.json() as Promise<Discovery>) : {}))
    .catch(() => ({}));
  const found = await discovery;
  if (!found.end_session_endpoint) discovery = undefined; // ask again next time
  return found.end_session_endpoint;
}
