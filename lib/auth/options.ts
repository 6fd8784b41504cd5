import { sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { DUMMY_HASH, verifyPassword } from "./password";
import { getAuthSecret } from "./secret";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});

async function findUserByEmail(email: string) {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

/** A town's Keycloak or Azure AD, switched on only when all three OIDC variables are set. */
function oidcProvider(): OAuthConfig<OidcProfile> | undefined {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return undefined;
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? profile.preferred_username ?? profile.email ?? null,
    }),
  };
}

export function isOidcEnabled(): boolean {
  return oidcProvider() !== undefined;
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const oidc = oidcProvider();
  cached = {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await findUserByEmail(parsed.data.email);
          // Compare against a dummy hash for unknown accounts: same answer, same time.
          const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
          if (!user?.passwordHash || !ok) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        // OIDC users are matched to local accounts by e-mail; unknown people are created
        // without any concept membership, so they see nothing until a moderator adds them.
        if (!user.email) return false;
        const existing = await findUserByEmail(user.email);
        if (!existing) {
          const db = await getDb();
          await db
            .insert(users)
            .values({ email: user.email.toLowerCase(), name: user.name ?? user.email })
            .onConflictDoNothing();
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const local =
            account.provider === "oidc" && user.email
              ? await findUserByEmail(user.email)
              : undefined;
          token.uid = local?.id ?? user.id;
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
