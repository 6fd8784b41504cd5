import crypto from "node:crypto";

/**
 * True when the request carries `Authorization: Bearer <expected>`. Compared in constant time
 * (over SHA-256 digests, so the length of the secret does not show either). No expected token
 * configured means no request matches.
 */
export function hasBearerToken({
  headers,
  expected,
}: {
  headers: Headers;
  expected: string | undefined;
}): boolean {
  if (!expected) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  if (!match?.[1]) return false;
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(match[1]), digest(expected));
}
