import { describe, expect, it } from "vitest";
import { hasBearerToken } from "@/lib/http/bearer-token";
import {
  baseSecurityHeaders,
  createNonce,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("security headers", () => {
  it("send HSTS only when the app is served over https", () => {
    expect(baseSecurityHeaders({ publicUrl: undefined })).not.toHaveProperty(
      "strict-transport-security",
    );
    expect(baseSecurityHeaders({ publicUrl: "http://10.0.0.5:3000" })).not.toHaveProperty(
      "strict-transport-security",
    );
    expect(baseSecurityHeaders({ publicUrl: "https://konzept.stadt.de" })).toMatchObject({
      "strict-transport-security": "max-age=31536000",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
    });
  });

  it("give pages a nonce-based CSP that lets the board reach its own WebSocket", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(nonce);
    const csp = directives(
      pageContentSecurityPolicy({
        nonce,
        host: "127.0.0.1:4000",
        publicUrl: undefined,
        ssoIssuer: "https://sso.stadt.de/realms/rathaus",
        dev: false,
      }),
    );
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual([
      "'self'",
      "ws://127.0.0.1:4000",
      "wss://127.0.0.1:4000",
    ]);
    expect(csp.get("img-src")).toContain("data:");
    expect(csp.get("form-action")).toEqual(["'self'", "https://sso.stadt.de"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("trust PUBLIC_URL's host and ignore a Host header that is not a host", () => {
    const csp = directives(
      pageContentSecurityPolicy({
        nonce: "n",
        host: "evil.example; script-src *",
        publicUrl: "https://konzept.stadt.de",
        ssoIssuer: undefined,
        dev: false,
      }),
    );
    expect(csp.get("connect-src")).toEqual([
      "'self'",
      "ws://konzept.stadt.de",
      "wss://konzept.stadt.de",
    ]);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("the metrics token", () => {
  it("matches only the configured bearer token", () => {
    const expected = "a-long-metrics-token";
    const headers = (value?: string) => new Headers(value ? { authorization: value } : {});
    expect(hasBearerToken({ headers: headers(`Bearer ${expected}`), expected })).toBe(true);
    expect(hasBearerToken({ headers: headers(`bearer ${expected}`), expected })).toBe(true);
    expect(hasBearerToken({ headers: headers(`Bearer ${expected}x`), expected })).toBe(false);
    expect(hasBearerToken({ headers: headers(expected), expected })).toBe(false);
    expect(hasBearerToken({ headers: headers(), expected })).toBe(false);
    expect(hasBearerToken({ headers: headers("Bearer "), expected: undefined })).toBe(false);
  });
});
