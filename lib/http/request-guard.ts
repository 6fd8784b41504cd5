/**
 * What every state-changing JSON request must pass before a route handler sees it, and the one
 * way to read its body:
 *
 * - Cross-site request forgery: a browser always says where a request comes from (`Origin`,
 *   `Sec-Fetch-Site`). Either one naming another site is refused with 403 forbidden:origin.
 *   Clients that send neither (curl, scripts, other servers) are not browsers carrying a
 *   victim's cookie and pass.
 * - Only `application/json` bodies: a cross-site HTML form or a "simple" fetch can only send
 *   text/plain, form-encoded or multipart bodies without asking first (CORS preflight), so
 *   refusing those closes the remaining door; 415 unsupported_media_type:body.
 * - Bounded bodies: a declared Content-Length above the limit is refused before anything is
 *   read, and a chunked body is counted while it streams and abandoned at the limit; 413
 *   payload_too_large:body. Routes read the body only after the session check, so an anonymous
 *   caller never makes the server hold a body at all.
 */
import { AppError } from "@/lib/errors";

/** Methods that change state; GET, HEAD and OPTIONS must not. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set([
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
]);

/** Sec-Fetch-Site values of requests the app's own pages (or the user, typing a URL) make. */
const OWN_FETCH_SITES: ReadonlySet<string> = new Set(["same-origin", "none"]);

/**
 * True when the request's `Origin` (if any) is the app's own: the origin of PUBLIC_URL when it
 * is configured, else the host the request was sent to (the Host header; behind a proxy that
 * rewrites Host, configure PUBLIC_URL). `Origin: null` (sandboxed frames, privacy redirects) is
 * never the app's own.
 */
export function isOwnOrigin({
  headers,
  publicUrl,
}: {
  headers: Headers;
  publicUrl: string | undefined;
}): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === "null" || parsed.origin !== origin.toLowerCase()) return false;
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  const host = headers.get("host");
  if (host === null) return false;
  try {
    // The same spelling as the origin's: lower case, default port left out.
    return parsed.host === new URL(`${parsed.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** True when a body follows the headers (a declared length above 0, or a chunked body). */
function hasBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  if (length !== null) return length.trim() !== "0";
  return headers.get("transfer-encoding") !== null;
}

function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/**
 * Checks a state-changing request before any work is done for it: its origin, its media type
 * and its declared size. Throws the AppError to answer with; requests with safe methods pass.
 */
export function guardStateChangingRequest({
  request,
  publicUrl,
  maxBodyBytes,
}: {
  request: Request;
  publicUrl: string | undefined;
  maxBodyBytes: number;
}): void {
  if (!STATE_CHANGING_METHODS.has(request.method.toUpperCase())) return;
  const { headers } = request;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && !OWN_FETCH_SITES.has(fetchSite.toLowerCase()))
    throw new AppError("forbidden:origin");
  if (!isOwnOrigin({ headers, publicUrl })) throw new AppError("forbidden:origin");
  if (!hasBody(headers)) return;
  if (!isJsonMediaType(headers.get("content-type")))
    throw new AppError("unsupported_media_type:body", {
      details: { expected: "application/json" },
    });
  const length = Number(headers.get("content-length") ?? "0");
  if (length > maxBodyBytes)
    throw new AppError("payload_too_large:body", { details: { maxBytes: maxBodyBytes } });
}

/**
 * Reads a JSON body, at most `maxBytes` of it: reading stops at the limit (413), whatever the
 * Content-Length said. Malformed JSON (or no body) is a 400 naming `body`.
 */
export async function readJsonBody({
  request,
  maxBytes,
}: {
  request: Request;
  maxBytes: number;
}): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Not cancelled: that would reset the connection before the 413 is sent. The server
        // discards a little more after the answer and then closes it (server/app-server.ts).
        reader.releaseLock();
        throw new AppError("payload_too_large:body", { details: { maxBytes } });
      }
      chunks.push(value);
    }
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new AppError("bad_request:json", { cause, fields: { body: "invalid" } });
  }
}
