import type { IncomingMessage } from "node:http";
import { principalFromCookies, type Principal } from "@/lib/auth/principal";
import type { Queryable } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { resolveDocAccess, type DocAccess } from "@/lib/sync/doc-access";
import { canonicalDocName, SYNC_PATH } from "@/lib/sync/doc-names";
import { verifySyncToken } from "@/lib/sync/sync-token";

export type UpgradeDecision =
  | {
      ok: true;
      /** The canonical name: the one the document is loaded, stored and counted under. */
      docName: string;
      access: DocAccess;
      principal: Principal;
      /** The token the socket authenticated with, if any (sockets per token are capped). */
      token?: string;
      protocol?: string;
    }
  | { ok: false; status: 401 | 403 | 404 | 500; error: string };

/** The document a request to /sync/<name> asks for, or null for other paths. */
export function docNameFromUrl(url: string | undefined): string | null {
  const pathname = new URL(url ?? "/", "http://x").pathname;
  if (!pathname.startsWith(`${SYNC_PATH}/`)) return null;
  try {
    return decodeURIComponent(pathname.slice(SYNC_PATH.length + 1));
  } catch {
    return "";
  }
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  return (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Decides during the HTTP upgrade, before a socket exists: a sync token (query or subprotocol)
 * or the session/guest cookie, then the principal's access to this document right now. The
 * name is canonicalised first; one that is none is a 404.
 */
export async function authenticateUpgrade({
  db,
  req,
  docName: requested,
}: {
  db: Queryable;
  req: IncomingMessage;
  docName: string;
}): Promise<UpgradeDecision> {
  const docName = canonicalDocName(requested);
  if (!docName) return { ok: false, status: 404, error: "not_found:document" };
  try {
    const queryToken = new URL(req.url ?? "/", "http://x").searchParams.get("token");
    const candidates = queryToken ? [queryToken] : offeredProtocols(req);
    if (candidates.length) {
      for (const candidate of candidates) {
        const claims = await verifySyncToken(candidate);
        if (!claims) continue;
        if (claims.doc !== docName) return { ok: false, status: 403, error: "forbidden:document" };
        // Access may have been withdrawn since the token was minted: the weaker answer wins.
        const current = await resolveDocAccess({ db, docName, principal: claims.principal });
        const access: DocAccess =
          current === "write" && claims.access === "write" ? "write" : "read";
        return {
          ok: true,
          docName,
          access,
          principal: claims.principal,
          token: candidate,
          protocol: queryToken ? undefined : candidate,
        };
      }
      return { ok: false, status: 401, error: "unauthorized:token" };
    }

    const principal = await principalFromCookies(req.headers.cookie);
    if (!principal) return { ok: false, status: 401, error: "unauthorized:session" };
    if (!sameOrigin(req)) return { ok: false, status: 403, error: "forbidden:origin" };
    const access = await resolveDocAccess({ db, docName, principal });
    return { ok: true, docName, access, principal };
  } catch (error) {
    if (
      isAppError(error) &&
      (error.status === 401 || error.status === 403 || error.status === 404)
    ) {
      return { ok: false, status: error.status, error: error.code };
    }
    throw error;
  }
}

/** Cookies authenticate only same-origin upgrades: another site's page cannot open our socket. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
