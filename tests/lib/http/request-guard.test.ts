import { describe, expect, it } from "vitest";
import { guardStateChangingRequest, isOwnOrigin, readJsonBody } from "@/lib/http/request-guard";
import { codeOf } from "../../support/app-error";

const HOST = "konzept.stadt.example";

/** As it arrives at the server: a body comes with its length (or as chunks, for streams). */
function request(init: { method?: string; headers?: Record<string, string>; body?: BodyInit }) {
  const length: Record<string, string> =
    typeof init.body === "string" || init.body instanceof URLSearchParams
      ? { "content-length": String(Buffer.byteLength(String(init.body))) }
      : init.body
        ? { "transfer-encoding": "chunked" }
        : {};
  return new Request(`http://${HOST}/api/workshops/x/invites`, {
    method: init.method ?? "POST",
    headers: { host: HOST, ...length, ...init.headers },
    body: init.body,
    duplex: "half",
  } as RequestInit);
}

const guard = (r: Request, publicUrl?: string) =>
  guardStateChangingRequest({ request: r, publicUrl, maxBodyBytes: 1024 });

describe("the origin check", () => {
  it("accepts the app's own origin and requests without one (not a browser)", () => {
    const own = (origin?: string, publicUrl?: string) =>
      isOwnOrigin({
        headers: new Headers({ host: "konzept.stadt.example:8080", ...(origin ? { origin } : {}) }),
        publicUrl,
      });
    expect(own()).toBe(true);
    expect(own("http://konzept.stadt.example:8080")).toBe(true);
    expect(own("http://KONZEPT.stadt.example:8080")).toBe(true);
    expect(own("https://konzept.stadt.de", "https://konzept.stadt.de")).toBe(true);
  });

  it("refuses other sites, null origins and an origin that is not PUBLIC_URL's", () => {
    const own = (origin: string, publicUrl?: string) =>
      isOwnOrigin({ headers: new Headers({ host: HOST, origin }), publicUrl });
    expect(own("https://evil.example")).toBe(false);
    expect(own("http://konzept.stadt.example.evil.example")).toBe(false);
    expect(own("null")).toBe(false);
    expect(own("garbage")).toBe(false);
    expect(own(`http://${HOST}`, "https://konzept.stadt.de")).toBe(false);
    expect(own("http://konzept.stadt.de", "https://konzept.stadt.de")).toBe(false);
  });

  it("refuses state-changing requests from another site by Origin or Sec-Fetch-Site", () => {
    for (const headers of <Array<Record<string, string>>>[
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ]) {
      expect(codeOf(() => guard(request({ headers })))).toBe("forbidden:origin");
      expect(codeOf(() => guard(request({ method: "DELETE", headers })))).toBe("forbidden:origin");
    }
    expect(() =>
      guard(request({ headers: { origin: `http://${HOST}`, "sec-fetch-site": "same-origin" } })),
    ).not.toThrow();
  });

  it("lets safe methods through whatever their origin", () => {
    const get = new Request(`http://${HOST}/api/x`, {
      headers: { host: HOST, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(() => guard(get)).not.toThrow();
  });
});

describe("the body check", () => {
  it("requires application/json for a body, and only for a body", () => {
    const plain = request({ headers: { "content-type": "text/plain" }, body: "{}" });
    expect(codeOf(() => guard(plain))).toBe("unsupported_media_type:body");
    const form = request({ body: new URLSearchParams({ role: "participant" }) });
    expect(codeOf(() => guard(form))).toBe("unsupported_media_type:body");
    expect(() =>
      guard(
        request({ headers: { "content-type": "application/json; charset=utf-8" }, body: "{}" }),
      ),
    ).not.toThrow();
    expect(() => guard(request({ method: "DELETE" }))).not.toThrow();
  });

  it("refuses a declared length above the limit before reading", () => {
    const big = request({
      headers: { "content-type": "application/json", "content-length": "1025" },
    });
    expect(codeOf(() => guard(big))).toBe("payload_too_large:body");
  });

  it("stops reading a streamed body at the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(256).fill(32));
      },
    });
    const r = request({ headers: { "content-type": "application/json" }, body: endless });
    await expect(readJsonBody({ request: r, maxBytes: 1024 })).rejects.toMatchObject({
      code: "payload_too_large:body",
    });
    expect(pulled).toBeLessThan(10);
  });

  it("parses JSON within the limit and names malformed bodies", async () => {
    const ok = request({ headers: { "content-type": "application/json" }, body: '{"a":1}' });
    expect(await readJsonBody({ request: ok, maxBytes: 1024 })).toEqual({ a: 1 });
    for (const body of ["{", "", "\u00ff"]) {
      const bad = request({ headers: { "content-type": "application/json" }, body });
      await expect(readJsonBody({ request: bad, maxBytes: 1024 })).rejects.toMatchObject({
        code: "bad_request:json",
        fields: { body: "invalid" },
      });
    }
  });
});
