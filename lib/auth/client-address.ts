/**
 * The address a request comes from, for per-address rate limits. The custom server
 * (server/app-server.ts) writes it into CLIENT_ADDRESS_HEADER on every request, replacing any
 * value a client sent, so route handlers can read it; Next's Request carries no peer address.
 *
 * Behind reverse proxies (TRUSTED_PROXY_HOPS > 0) the socket's peer is the nearest proxy, and
 * the client is the entry that many hops from the right of X-Forwarded-For; entries further
 * left were written by the client and are not trusted.
 */
import { isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-kw-client-address";

export function clientAddress({
  remoteAddress,
  forwardedFor,
  trustedProxyHops,
}: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxyHops: number;
}): string {
  const peer = normalise(remoteAddress) ?? "unknown";
  if (trustedProxyHops <= 0) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return peer;
  const entry = chain[Math.max(0, chain.length - trustedProxyHops)];
  return normalise(entry) ?? peer;
}

/** A plain IP address (IPv4-mapped IPv6 as IPv4), or undefined for anything else. */
function normalise(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const plain =
    address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(plain) ? plain.toLowerCase() : undefined;
}

/** The address the custom server recorded for this request ("unknown" outside it). */
export function requestAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const value =
    headers instanceof Headers
      ? headers.get(CLIENT_ADDRESS_HEADER)
      : (headers?.[CLIENT_ADDRESS_HEADER] as string | undefined);
  return typeof value === "string" && value ? value : "unknown";
}
