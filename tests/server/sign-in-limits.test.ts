import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

/** next-auth's answer to a credentials sign-in: the error code, or null when signed in. */
async function signInError(client: HttpClient, email: string, password: string) {
  const response = await client.signIn(email, password);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

describe("sign-in limits (defaults: 5 per account, 20 per address in 15 minutes)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("blocks an account after 5 failures, even with the right password, and an address after 20", async () => {
    const client = new HttpClient(server.url);
    for (let i = 0; i < 5; i++) {
      expect(await signInError(client, DEMO.moderator, `falsch-${i}`)).toBe("CredentialsSignin");
    }
    expect(await signInError(client, DEMO.moderator, "falsch-5")).toBe("TooManyAttempts");
    expect(await signInError(client, DEMO.moderator, "demo")).toBe("TooManyAttempts");
    expect(client.hasSession()).toBe(false);
    expect(server.output()).toMatch(/"msg":"sign-in refused: too many attempts"/);

    // Another account from the same address still signs in (7 attempts used, the success is free).
    expect(await signInError(new HttpClient(server.url), DEMO.viewer, "demo")).toBeNull();
    // 13 more failures, on accounts that do not exist, use up the address's 20 …
    for (let i = 0; i < 13; i++) {
      expect(await signInError(client, `unbekannt-${i}@example.test`, "x")).toBe(
        "CredentialsSignin",
      );
    }
    // … and then nobody signs in from it.
    expect(await signInError(client, "unbekannt-x@example.test", "x")).toBe("TooManyAttempts");
    expect(await signInError(new HttpClient(server.url), DEMO.editor, "demo")).toBe(
      "TooManyAttempts",
    );
  });
});

describe("invite joins behind a trusted proxy, on https", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: {
        PUBLIC_URL: "https://konzept.deichhausen.example",
        TRUSTED_PROXY_HOPS: "1",
        JOIN_LIMIT_PER_ADDRESS: "3",
      },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("limits joins per address with 429 and Retry-After, and sets a Secure guest cookie", async () => {
    const moderator = await signedIn(server.url, DEMO.moderator);
    const workshopId = (await demoConcept(moderator)).workshops[0]!.id;
    const invite = await moderator.fetch(`/api/workshops/${workshopId}/invites`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "participant" }),
    });
    const { token } = (await invite.json()) as { token: string };
    const join = (address: string, secret = token) =>
      fetch(`${server.url}/api/invites/${secret}/join`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ displayName: "Gast" }),
      });

    const first = await join("203.0.113.7");
    expect(first.status).toBe(201);
    const cookie = first.headers.getSetCookie().find((line) => line.startsWith("kw-guest="));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    // Failed joins (a guessed secret) count as well.
    expect((await join("203.0.113.7", "erraten")).status).toBe(404);
    expect((await join("203.0.113.7")).status).toBe(201);
    const limited = await join("203.0.113.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({
      error: "too_many_requests:join",
      retryAfterSeconds: expect.any(Number),
    });
    // Someone else in the room is not affected.
    expect((await join("203.0.113.8")).status).toBe(201);
  });
});

const REDIS_URL = parseEnv(process.env).REDIS_URL;

describe.runIf(REDIS_URL)("sign-in limits across instances through Redis", () => {
  const servers: TestServer[] = [];
  beforeAll(async () => {
    // Own stream name, so the rate-limit keys (prefixed with it) are this suite's alone.
    const env = { REDIS_URL: REDIS_URL!, REDIS_STREAM: `test-limits-${randomUUID()}` };
    servers.push(...(await Promise.all([startTestServer({ env }), startTestServer({ env })])));
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it("counts failures on one instance against the account on the other", async () => {
    const [first, second] = servers as [TestServer, TestServer];
    for (let i = 0; i < 5; i++) {
      expect(await signInError(new HttpClient(first.url), DEMO.moderator, `falsch-${i}`)).toBe(
        "CredentialsSignin",
      );
    }
    expect(await signInError(new HttpClient(second.url), DEMO.moderator, "demo")).toBe(
      "TooManyAttempts",
    );
    // Another account on the second instance is not affected.
    expect(await signInError(new HttpClient(second.url), DEMO.editor, "demo")).toBeNull();
  });
});
