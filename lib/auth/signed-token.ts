import crypto from "node:crypto";
import { jwtVerify, SignJWT, type JWTPayload } from "jose";
import { getAuthSecret } from "./secret";

/** One key per purpose, derived from the auth secret, so one kind of token never passes as another. */
function keyFor(purpose: string): Uint8Array {
  return crypto
    .createHmac("sha256", getAuthSecret())
    .update(`integrationskonzept:${purpose}`)
    .digest();
}

export async function signToken({
  purpose,
  claims,
  ttlSeconds,
  now = new Date(),
}: {
  purpose: string;
  claims: JWTPayload;
  ttlSeconds: number;
  now?: Date;
}): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .setAudience(purpose)
    .sign(keyFor(purpose));
}

/** The token's claims, or null when it is malformed, forged, expired or for another purpose. */
export async function verifyToken<T extends JWTPayload>(
  purpose: string,
  token: string,
): Promise<T | null> {
  try {
    const { payload } = await jwtVerify(token, keyFor(purpose), {
      audience: purpose,
      algorithms: ["HS256"],
    });
    return payload as T;
  } catch {
    return null;
  }
}
