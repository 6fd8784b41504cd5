/**
 * The security headers of every response. Two parts:
 *
 * - `baseSecurityHeaders`: the same on every response (pages, API, static files, errors), set
 *   by the custom server before Next sees the request (server/app-server.ts).
 * - `pageContentSecurityPolicy`: the per-request CSP of HTML pages, with a fresh nonce, set by
 *   `proxy.ts`; Next reads the nonce from it and puts it on its own scripts. Non-page responses
 *   (the JSON API) get `API_CONTENT_SECURITY_POLICY`, which allows nothing at all.
 */

/** For responses that are never rendered as a page: nothing may load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

function isHttps(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith("https:") ?? false;
}

/**
 * Headers for every response. HSTS only when the app is served over https (PUBLIC_URL), so a
 * plain-http set-up on a LAN is never locked out; without includeSubDomains, because a town's
 * other hosts under the same domain are not the app's to decide.
 */
export function baseSecurityHeaders({
  publicUrl,
}: {
  publicUrl: string | undefined;
}): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    // Invite links carry their secret in the path: other sites never see our URLs.
    "referrer-policy": "same-origin",
    // For browsers without CSP frame-ancestors.
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(isHttps(publicUrl) ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The CSP of an HTML page. Scripts only with this response's nonce ('strict-dynamic' lets
 * Next's nonced loader load its chunks); styles from the app's own stylesheets (Tailwind) and
 * nonced style elements, style attributes allowed; images from the app and data: URIs (the
 * QR codes); network only to the app itself, including its WebSocket (`/sync`) on the host
 * the page was served from; forms only to the app (and the SSO provider, which a sign-in form
 * redirects to); never in a frame.
 *
 * Development (`next dev`) also needs eval (React's stack traces) and inline styles (hot reload).
 */
export function pageContentSecurityPolicy({
  nonce,
  host,
  publicUrl,
  ssoIssuer,
  dev,
}: {
  nonce: string;
  /** The Host the page was requested from; the page's WebSocket connects back to it. */
  host: string | null;
  publicUrl: string | undefined;
  ssoIssuer: string | undefined;
  dev: boolean;
}): string {
  const socketHosts = new Set<string>();
  if (publicUrl) socketHosts.add(new URL(publicUrl).host);
  if (host && /^[a-z0-9.:[\]-]+$/i.test(host)) socketHosts.add(host.toLowerCase());
  const sockets = [...socketHosts].flatMap((h) => [`ws://${h}`, `wss://${h}`]);
  const sso = ssoIssuer ? [new URL(ssoIssuer).origin] : [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...sockets],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...sso],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    ...(isHttps(publicUrl) ? { "upgrade-insecure-requests": [] } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}
