import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../support/factories";
import { openTestDatabase } from "../../support/test-database";

// Read once by lib/env.ts; this file's modules are its own (vitest isolates test files).
Object.assign(process.env, {
  OIDC_ISSUER: "https://sso.stadt.example/realms/stadt",
  OIDC_CLIENT_ID: "konzeptwerkstatt",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_ID_TOKEN_ALG: "ES256",
  OIDC_CREATE_ACCOUNTS: "true",
  OIDC_VERIFIED_EMAIL_DOMAINS: "stadt.example, @amt.example",
});
const { decideSsoSignIn, oidcProvider } = await import("@/lib/auth/oidc");

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;

describe("SSO decisions (accounts created, provider-owned domains)", () => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  const user = (email: string | null, emailVerified: boolean) => ({
    id: `sub-${email}`,
    email,
    name: "Person",
    emailVerified,
  });

  it("matches a verified e-mail to the existing account and refuses unverified or missing ones", async () => {
    const existing = await buildUser(handle.db, { email: "koordination@example.test" });
    expect(
      await decideSsoSignIn({ db: handle.db, user: user("koordination@example.test", true) }),
    ).toEqual({ ok: true, userId: existing.id });
    expect(
      await decideSsoSignIn({ db: handle.db, user: user("koordination@example.test", false) }),
    ).toEqual({ ok: false, reason: "email_unverified" });
    expect(await decideSsoSignIn({ db: handle.db, user: user(null, true) })).toEqual({
      ok: false,
      reason: "no_email",
    });
  });

  it("creates an account for an unknown verified e-mail when OIDC_CREATE_ACCOUNTS is true", async () => {
    const first = await decideSsoSignIn({ db: handle.db, user: user("neu@example.test", true) });
    expect(first).toEqual({ ok: true, userId: expect.any(String) });
    const again = await decideSsoSignIn({ db: handle.db, user: user("neu@example.test", true) });
    expect(again).toEqual(first);
  });

  it("asks for the configured ID-token algorithm and counts the provider's own domains as verified", () => {
    const provider = oidcProvider()!;
    expect(provider.client).toEqual({ id_token_signed_response_alg: "ES256" });
    const profile = provider.profile;
    const verified = (email: string, claim?: boolean | string) =>
      (
        profile({ sub: "x", email, email_verified: claim }, {}) as unknown as {
          emailVerified: boolean;
        }
      ).emailVerified;
    expect(verified("Anna@Stadt.example")).toBe(true);
    expect(verified("anna@amt.example")).toBe(true);
    expect(verified("anna@example.test")).toBe(false);
    expect(verified("anna@example.test", "true")).toBe(true);
    expect(verified("anna@example.test", "false")).toBe(false);
    expect(verified("anna@evil-stadt.example")).toBe(false);
  });
});
