import type { Principal } from "@/lib/auth/principal";
import { signToken, verifyToken } from "@/lib/auth/signed-token";
import type { DocAccess } from "./doc-access";
import { canonicalDocName } from "./doc-names";

const PURPOSE = "sync";
export const SYNC_TOKEN_TTL_SECONDS = 300;

interface SyncClaims {
  doc: string;
  access: DocAccess;
  principal: Principal;
  [key: string]: unknown;
}

/**
 * A short-lived token that opens one document with one access level, for scripts and clients
 * that cannot send the session cookie. Passed as `?token=` or as a WebSocket subprotocol.
 */
export function mintSyncToken({
  docName,
  access,
  principal,
  now,
}: {
  docName: string;
  access: DocAccess;
  principal: Principal;
  now?: Date;
}): Promise<string> {
  return signToken({
    purpose: PURPOSE,
    claims: { doc: canonicalDocName(docName) ?? docName, access, principal },
    ttlSeconds: SYNC_TOKEN_TTL_SECONDS,
    now,
  });
}

export async function verifySyncToken(token: string): Promise<SyncClaims | null> {
  const claims = await verifyToken<SyncClaims>(PURPOSE, token);
  if (
    !claims ||
    typeof claims.doc !== "string" ||
    (claims.access !== "write" && claims.access !== "read")
  )
    return null;
  return claims;
}
