import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { createNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

/**
 * Gives every page a Content-Security-Policy with a fresh nonce (Next's nonce approach: Next
 * reads the nonce from the request's CSP header and puts it on the scripts it renders). The
 * other security headers come from the custom server, on every response.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    host: request.headers.get("host"),
    publicUrl: env.PUBLIC_URL,
    ssoIssuer: env.OIDC_ISSUER,
    dev: env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the JSON API (whose bodies the proxy would otherwise buffer), not
      // static files, not prefetches and client-side server-action calls (no HTML).
      source: "/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
