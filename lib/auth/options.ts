import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { safeCallbackPath } from "./callback-url";
import { requestAddress } from "./client-address";
import { signInWithPassword } from "./credentials";
import {
  decideSsoSignIn,
  isOidcEnabled,
  OIDC_PROVIDER_ID,
  oidcProvider,
  SSO_REFUSAL_ERRORS,
  type OidcUser,
} from "./oidc";
import { getAuthSecret } from "./secret";

export { isOidcEnabled };

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** The error code next-auth passes to the sign-in page when the limits refuse an attempt. */
export const TOO_MANY_ATTEMPTS_ERROR = "TooManyAttempts";

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const oidc = oidcProvider();
  cached = {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    logger: {
      error: (code, metadata) => log.error("auth error", { code, metadata: String(metadata) }),
      warn: (code) => log.warn("auth warning", { code }),
      debug: () => {},
    },
    providers: [
      // The sign-in form uses a server action (app/actions/sign-in.ts); this provider serves
      // scripts and API clients, with the same limits and checks.
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const result = await signInWithPassword({
            db: await getDb(),
            input: raw,
            address: requestAddress(request?.headers),
          });
          if (result.ok) return result.user;
          if (result.reason === "too_many_attempts") throw new Error(TOO_MANY_ATTEMPTS_ERROR);
          return null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      redirect({ url, baseUrl }) {
        return `${baseUrl.replace(/\/$/, "")}${safeCallbackPath(url, baseUrl)}`;
      },
      async signIn({ user, account }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const decision = await decideSsoSignIn({ db: await getDb(), user: user as OidcUser });
        if (!decision.ok) return `/login?error=${SSO_REFUSAL_ERRORS[decision.reason]}`;
        (user as User & { localId?: string }).localId = decision.userId;
        return true;
      },
      jwt({ token, user, account }) {
        if (user && account) {
          token.uid = (user as User & { localId?: string }).localId ?? user.id;
          if (account.provider === OIDC_PROVIDER_ID) {
            // Kept for signing out at the provider too (id_token_hint).
            token.sso = { idToken: account.id_token };
          }
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
  return cached;
}
