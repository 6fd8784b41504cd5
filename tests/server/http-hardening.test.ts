import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoConcept, signedIn } from "../support/demo-fixture";
import { HttpClient } from "../support/http-client";
import { rssMiB, sendLargeBody } from "../support/raw-http";
import { startTestServer, type TestServer } from "../support/test-server";

const EVIL = "https://evil.example";
const UNKNOWN_ID = "6f1d1a52-3c3e-4b7a-9a55-2d6a0f6b9c11";

/** JSON body helpers; `extra` headers stand in for what a browser on another site adds. */
function json(method: string, body: unknown, extra: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json", ...extra },
    body: JSON.stringify(body),
  };
}

async function outcome(response: Response) {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // pages answer with HTML
  }
  return { status: response.status, body };
}

describe("HTTP hardening (plain HTTP against the real server, as an attacker would)", () => {
  let server: TestServer;
  let moderator: HttpClient;
  let editor: HttpClient;
  let conceptId: string;
  let workshopId: string;
  let chapterId: string;
  const invitesUrl = () => `/api/workshops/${workshopId}/invites`;
  const inviteCount = async () =>
    ((await (await moderator.fetch(invitesUrl())).json()) as unknown[]).length;

  beforeAll(async () => {
    // Join limits off: this suite sends many joins from one address on purpose (the limits
    // have their own tests in sign-in-limits.test.ts).
    server = await startTestServer({
      env: { HTTP_MAX_BODY_BYTES: String(64 * 1024), JOIN_LIMIT_PER_ADDRESS: "0" },
    });
    [moderator, editor] = await Promise.all([
      signedIn(server.url, DEMO.moderator),
      signedIn(server.url, DEMO.editor),
    ]);
    const demo = await demoConcept(moderator);
    conceptId = demo.conceptId;
    workshopId = demo.workshops[0]!.id;
    chapterId = (
      (await (await moderator.fetch(`/api/concepts/${conceptId}/chapters`)).json()) as Array<{
        id: string;
      }>
    )[0]!.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("cross-site requests", () => {
    it("refuses the text/plain invite POST another site makes with the moderator's cookie", async () => {
      const before = await inviteCount();
      // What <form enctype="text/plain"> or fetch(..., { mode: "no-cors" }) on evil.example sends.
      const forged = await moderator.fetch(invitesUrl(), {
        method: "POST",
        headers: { "content-type": "text/plain", origin: EVIL, "sec-fetch-site": "cross-site" },
        body: JSON.stringify({ role: "participant", expiresInHours: 720 }),
      });
      expect(await outcome(forged)).toEqual({ status: 403, body: { error: "forbidden:origin" } });
      // Without Origin (old browsers), Sec-Fetch-Site alone gives it away …
      const bySite = await moderator.fetch(
        invitesUrl(),
        json("POST", { role: "participant" }, { "sec-fetch-site": "cross-site" }),
      );
      expect(bySite.status).toBe(403);
      // … and text/plain is never accepted, even from the app's own origin.
      const plain = await moderator.fetch(invitesUrl(), {
        method: "POST",
        headers: { "content-type": "text/plain", origin: server.url },
        body: JSON.stringify({ role: "participant" }),
      });
      expect(await outcome(plain)).toMatchObject({
        status: 415,
        body: { error: "unsupported_media_type:body" },
      });
      const form = await moderator.fetch(invitesUrl(), {
        method: "POST",
        body: new URLSearchParams({ role: "participant" }),
      });
      expect(form.status).toBe(415);
      expect(await inviteCount()).toBe(before);

      // The app's own page does it with its origin and JSON: that works.
      const own = await moderator.fetch(
        invitesUrl(),
        json(
          "POST",
          { role: "participant" },
          { origin: server.url, "sec-fetch-site": "same-origin" },
        ),
      );
      expect(own.status).toBe(201);
      expect(await inviteCount()).toBe(before + 1);
    });

    it("checks every state-changing route, and leaves reads and next-auth alone", async () => {
      const { id: inviteId } = (await (
        await moderator.fetch(invitesUrl(), json("POST", { role: "viewer" }))
      ).json()) as { id: string };
      const forged: Array<[string, RequestInit]> = [
        [invitesUrl(), json("POST", { role: "participant" }, { origin: EVIL })],
        [`${invitesUrl()}/${inviteId}`, { method: "DELETE", headers: { origin: EVIL } }],
        [
          `/api/workshops/${workshopId}/commit`,
          json("POST", { cardIds: ["x"], message: "m", dryRun: true }, { origin: EVIL }),
        ],
        [
          `/api/concepts/${conceptId}/chapters/${chapterId}`,
          json("PATCH", { status: "final" }, { origin: EVIL }),
        ],
        ["/api/sync-token", json("POST", { doc: `board:${workshopId}` }, { origin: EVIL })],
        [
          "/api/invites/some-secret/join",
          json("POST", { displayName: "Mallory" }, { origin: EVIL }),
        ],
        ["/api/sync-token", json("POST", { doc: `board:${workshopId}` }, { origin: "null" })],
      ];
      for (const [path, init] of forged) {
        expect(await outcome(await moderator.fetch(path, init)), `${init.method} ${path}`).toEqual({
          status: 403,
          body: { error: "forbidden:origin" },
        });
      }
      // Nothing of it happened: the invite still works, the chapter is not final.
      const invites = (await (await moderator.fetch(invitesUrl())).json()) as Array<{ id: string }>;
      expect(invites.map((i) => i.id)).toContain(inviteId);
      const chapters = (await (
        await moderator.fetch(`/api/concepts/${conceptId}/chapters`)
      ).json()) as Array<{ id: string; status: string }>;
      expect(chapters.find((c) => c.id === chapterId)?.status).not.toBe("final");

      // A read from another origin is answered (CORS keeps the answer from the other site).
      const read = await moderator.fetch(invitesUrl(), { headers: { origin: EVIL } });
      expect(read.status).toBe(200);
      // next-auth's own routes keep their own CSRF protection: sign-in still works.
      expect((await signedIn(server.url, DEMO.viewer)).hasSession()).toBe(true);
    });
  });

  describe("request bodies", () => {
    it("refuses an anonymous 100 MB body to /api/sync-token without reading it into memory", async () => {
      const pid = server.process.pid!;
      const before = await rssMiB(pid);
      const hundredMiB = 100 * 1024 * 1024;
      const declared = await sendLargeBody({
        url: `${server.url}/api/sync-token`,
        totalBytes: hundredMiB,
        chunked: false,
      });
      expect(declared.status).toBe(413);
      expect(JSON.parse(declared.body)).toMatchObject({ error: "payload_too_large:body" });
      // Chunked, so there is no length to refuse up front: the session check comes first and
      // the body is never read.
      const chunked = await sendLargeBody({
        url: `${server.url}/api/sync-token`,
        totalBytes: hundredMiB,
        chunked: true,
      });
      expect(chunked.status).toBe(401);
      const after = await rssMiB(pid);
      console.info(
        `RSS of the server around two anonymous 100 MiB bodies: ${before.toFixed(0)} → ${after.toFixed(0)} MiB; ` +
          `bytes sent before the answer: ${declared.bytesSent}, ${chunked.bytesSent}`,
      );
      expect(after - before).toBeLessThan(40);
      expect(declared.bytesSent).toBeLessThan(hundredMiB / 2);
      expect(chunked.bytesSent).toBeLessThan(hundredMiB / 2);
      expect(server.process.exitCode).toBeNull();
    });

    it("stops reading a signed-in caller's body at the limit (HTTP_MAX_BODY_BYTES), declared or chunked", async () => {
      const pid = server.process.pid!;
      const before = await rssMiB(pid);
      for (const chunked of [false, true]) {
        const response = await sendLargeBody({
          url: `${server.url}/api/sync-token`,
          headers: { cookie: moderator.cookieHeader },
          totalBytes: 50 * 1024 * 1024,
          chunked,
        });
        expect(response.status, chunked ? "chunked" : "declared").toBe(413);
        expect(JSON.parse(response.body)).toEqual({
          error: "payload_too_large:body",
          maxBytes: 64 * 1024,
        });
      }
      expect((await rssMiB(pid)) - before).toBeLessThan(40);
      // Just under the limit is read and answered as usual.
      const small = await sendLargeBody({
        url: `${server.url}/api/sync-token`,
        headers: { cookie: moderator.cookieHeader },
        totalBytes: 60 * 1024,
        chunked: true,
      });
      // (The padded body names a board that does not exist.)
      expect(small.status).toBe(404);
      expect(JSON.parse(small.body)).toMatchObject({ error: "not_found:document" });
    });

    it("answers malformed JSON with 400 naming the body", async () => {
      const response = await moderator.fetch(invitesUrl(), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"role": "participant",',
      });
      expect(await outcome(response)).toEqual({
        status: 400,
        body: { error: "bad_request:json", fields: { body: "invalid" } },
      });
    });

    it("reports a wrong type as invalid_type, and refuses expiresInHours: true", async () => {
      const before = await inviteCount();
      const truthy = await moderator.fetch(
        invitesUrl(),
        json("POST", { role: "participant", expiresInHours: true }),
      );
      expect(await outcome(truthy)).toEqual({
        status: 400,
        body: { error: "bad_request:input", fields: { expiresInHours: "invalid_type" } },
      });
      const wrongTypes = await moderator.fetch(invitesUrl(), json("POST", { role: 5 }));
      expect(await outcome(wrongTypes)).toEqual({
        status: 400,
        body: { error: "bad_request:input", fields: { role: "invalid_type" } },
      });
      const doc = await moderator.fetch("/api/sync-token", json("POST", { doc: 42 }));
      expect(await outcome(doc)).toEqual({
        status: 400,
        body: { error: "bad_request:input", fields: { doc: "invalid_type" } },
      });
      const missing = await moderator.fetch("/api/sync-token", json("POST", {}));
      expect(await outcome(missing)).toEqual({
        status: 400,
        body: { error: "bad_request:input", fields: { doc: "required" } },
      });
      expect(await inviteCount()).toBe(before);
    });
  });

  describe("ids, revision numbers and query parameters", () => {
    const BAD_IDS = [
      "not-a-uuid",
      "00000000-0000-0000-0000-000000000000",
      UNKNOWN_ID,
      UNKNOWN_ID.toUpperCase(),
      "%27%20OR%201%3D1--",
      "%00",
      "..%2F..%2Fapi%2Fhealth",
      "x".repeat(1000),
      "2147483648",
      "-1",
    ];
    const BAD_NUMBERS = [
      "2147483648",
      "99999999999999999999",
      "1e3",
      "0x10",
      "-1",
      "0",
      "1.5",
      "abc",
      "%00",
      "",
    ];

    /** Every API route, with these ids and numbers filled in. */
    function requests(ids: { concept: string; workshop: string; other: string; number: string }) {
      const c = `/api/concepts/${ids.concept}`;
      const w = `/api/workshops/${ids.workshop}`;
      const list: Array<[string, RequestInit]> = [
        [c, {}],
        [`${c}?revision=${ids.number}`, {}],
        [`${c}/revisions`, {}],
        [`${c}/revisions/${ids.number}`, {}],
        [`${c}/diff?from=${ids.number}&to=${ids.number}`, {}],
        [`${c}/diff?from=1`, {}],
        [
          `${c}/measures?field=${ids.other}&organisation=${ids.other}&status=${ids.other}&priority=${ids.other}&budget=${ids.other}&q=${ids.other}&format=${ids.other}`,
          {},
        ],
        [`${c}/workshops`, {}],
        [`${c}/chapters`, {}],
        [`${c}/chapters/${ids.other}`, json("PATCH", { status: "final" })],
        [`${c}/chapters/${ids.other}`, json("PATCH", { status: ids.number })],
        [`${w}/invites`, {}],
        [`${w}/invites`, json("POST", { role: "participant", expiresInHours: ids.number })],
        [`${w}/invites/${ids.other}`, { method: "DELETE" }],
        [
          `${w}/commit`,
          json("POST", {
            cardIds: [ids.other],
            message: "m",
            baseRevision: Number(ids.number) || 2 ** 31,
          }),
        ],
        [`${w}/commit`, json("POST", { cardIds: [ids.other], message: "m", dryRun: true })],
        ["/api/sync-token", json("POST", { doc: `board:${ids.workshop}` })],
        [
          "/api/sync-token",
          json("POST", { doc: `board-private:${ids.workshop}:guest.${ids.other}` }),
        ],
        ["/api/sync-token", json("POST", { doc: `chapter:${ids.other}` })],
        ["/api/sync-token", json("POST", { doc: ids.other.slice(0, 200) })],
        [`/api/invites/${ids.other}/join`, json("POST", { displayName: "Eve" })],
      ];
      return list;
    }

    it("never answer 500 on any API route, for anyone", async () => {
      const anonymous = new HttpClient(server.url);
      const failures: string[] = [];
      const check = async (
        as: HttpClient,
        path: string,
        init: RequestInit,
        expectError: boolean,
      ) => {
        const { status, body } = await outcome(await as.fetch(path, init));
        const what = `${init.method ?? "GET"} ${path.slice(0, 120)} → ${status}`;
        if (status >= 500) failures.push(what);
        else if (
          expectError &&
          (![400, 401, 403, 404, 431].includes(status) || typeof body !== "object")
        )
          failures.push(`${what} (expected a 4xx JSON error)`);
      };
      for (const as of [anonymous, editor, moderator]) {
        for (const bad of BAD_IDS) {
          // Every id malformed or unknown: always an error.
          for (const [path, init] of requests({
            concept: bad,
            workshop: bad,
            other: bad,
            number: "2147483648",
          }))
            await check(as, path, init, true);
          // Real concept and workshop, malformed chapter, invite, card ids and numbers.
          for (const [path, init] of requests({
            concept: conceptId,
            workshop: workshopId,
            other: bad,
            number: bad,
          }))
            await check(as, path, init, false);
        }
        for (const number of BAD_NUMBERS) {
          for (const [path, init] of requests({
            concept: conceptId,
            workshop: workshopId,
            other: "x",
            number,
          }))
            await check(as, path, init, false);
        }
      }
      expect(failures).toEqual([]);
      expect(server.output()).not.toMatch(/"msg":"route failed"/);
    });

    it("answer revision numbers at or above 2^31 with 400, not a database error", async () => {
      for (const path of [
        `/api/concepts/${conceptId}/revisions/2147483648`,
        `/api/concepts/${conceptId}?revision=2147483648`,
        `/api/concepts/${conceptId}/diff?from=1&to=2147483648`,
      ]) {
        const { status, body } = await outcome(await moderator.fetch(path));
        expect(status, path).toBe(400);
        expect(body).toMatchObject({ error: "bad_request:input" });
      }
      expect(
        (await moderator.fetch(`/api/concepts/${conceptId}/revisions/2147483647`)).status,
      ).toBe(404);
    });

    it("show anonymous callers no difference between unknown and existing workshops and concepts", async () => {
      const anonymous = new HttpClient(server.url);
      const pairs = (id: string): Array<[string, RequestInit]> => [
        [`/api/workshops/${id}/invites`, {}],
        [`/api/workshops/${id}/invites`, json("POST", { role: "participant" })],
        [`/api/workshops/${id}/invites/${UNKNOWN_ID}`, { method: "DELETE" }],
        [
          `/api/workshops/${id}/commit`,
          json("POST", { cardIds: ["x"], message: "m", dryRun: true }),
        ],
        ["/api/sync-token", json("POST", { doc: `board:${id}` })],
        ["/api/sync-token", json("POST", { doc: `board-control:${id}` })],
      ];
      const conceptPairs = (id: string): Array<[string, RequestInit]> => [
        [`/api/concepts/${id}`, {}],
        [`/api/concepts/${id}/workshops`, {}],
        [`/api/concepts/${id}/chapters/${chapterId}`, json("PATCH", { status: "final" })],
      ];
      const known = [...pairs(workshopId), ...conceptPairs(conceptId)];
      const unknown = [...pairs(UNKNOWN_ID), ...conceptPairs(UNKNOWN_ID)];
      const garbage = [...pairs("not-a-uuid"), ...conceptPairs("not-a-uuid")];
      for (const [index, [path, init]] of known.entries()) {
        const existing = await outcome(await anonymous.fetch(path, init));
        const missing = await outcome(
          await anonymous.fetch(unknown[index]![0], unknown[index]![1]),
        );
        const malformed = await outcome(
          await anonymous.fetch(garbage[index]![0], garbage[index]![1]),
        );
        expect(existing, `${init.method ?? "GET"} ${path}`).toEqual({
          status: 401,
          body: { error: "unauthorized:session" },
        });
        expect(missing).toEqual(existing);
        expect(malformed).toEqual(existing);
      }
    });
  });

  describe("operations endpoints", () => {
    it("keep /api/metrics for signed-in users and /api/health open", async () => {
      const anonymous = await fetch(`${server.url}/api/metrics`);
      expect(await outcome(anonymous)).toEqual({
        status: 401,
        body: { error: "unauthorized:session" },
      });
      // No METRICS_TOKEN configured: no bearer token opens it.
      const guessed = await fetch(`${server.url}/api/metrics`, {
        headers: { authorization: "Bearer undefined" },
      });
      expect(guessed.status).toBe(401);
      const signedInMetrics = await editor.fetch("/api/metrics");
      expect(signedInMetrics.status).toBe(200);
      expect(await signedInMetrics.json()).toHaveProperty("updatesReceived");
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    });
  });

  describe("security headers", () => {
    it("give every page a nonce-based CSP and every response the base headers", async () => {
      const page = await moderator.fetch(`/concepts/${conceptId}`);
      expect(page.status).toBe(200);
      const csp = page.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await page.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      // A fresh nonce per response.
      const again = await moderator.fetch(`/concepts/${conceptId}`);
      expect(again.headers.get("content-security-policy")).not.toBe(csp);

      const responses = await Promise.all([
        page,
        fetch(`${server.url}/login`),
        fetch(`${server.url}/`, { redirect: "manual" }),
        fetch(`${server.url}/api/health`),
        fetch(`${server.url}/api/metrics`),
        fetch(`${server.url}/api/auth/csrf`),
        fetch(`${server.url}/does-not-exist`),
        moderator.fetch(invitesUrl(), { method: "POST", headers: { origin: EVIL } }),
      ]);
      for (const response of responses) {
        const where = `${response.status} ${response.url}`;
        expect(response.headers.get("x-content-type-options"), where).toBe("nosniff");
        expect(response.headers.get("referrer-policy"), where).toBe("same-origin");
        expect(response.headers.get("x-frame-options"), where).toBe("DENY");
        expect(response.headers.get("content-security-policy"), where).toContain(
          "frame-ancestors 'none'",
        );
        // Served over http here (no https PUBLIC_URL): no HSTS.
        expect(response.headers.get("strict-transport-security"), where).toBeNull();
      }
      const api = await fetch(`${server.url}/api/health`);
      expect(api.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    });
  });
});

describe("HTTP hardening behind https (PUBLIC_URL) with a metrics token", () => {
  let server: TestServer;
  /** The server's own address: its log names PUBLIC_URL as its url. */
  let base: string;
  const TOKEN = "metrics-token-0123456789";
  beforeAll(async () => {
    server = await startTestServer({
      env: { PUBLIC_URL: "https://konzept.stadt.example", METRICS_TOKEN: TOKEN },
    });
    base = `http://127.0.0.1:${/"msg":"listening".*?"port":(\d+)/.exec(server.output())![1]}`;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("sends HSTS, checks Origin against PUBLIC_URL, and opens metrics to the token only", async () => {
    const login = await fetch(`${base}/login`);
    expect(login.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(login.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(login.headers.get("content-security-policy")).toContain("wss://konzept.stadt.example");

    const fromPublic = await fetch(
      `${base}/api/sync-token`,
      json("POST", { doc: "x" }, { origin: "https://konzept.stadt.example" }),
    );
    expect(fromPublic.status).toBe(401);
    // The server's own address is not the public origin once PUBLIC_URL is set.
    const fromHost = await fetch(
      `${base}/api/sync-token`,
      json("POST", { doc: "x" }, { origin: base }),
    );
    expect(fromHost.status).toBe(403);

    expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/api/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}-not` },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${base}/api/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.status).toBe(200);
    expect(await right.json()).toHaveProperty("connections");
  });
});
