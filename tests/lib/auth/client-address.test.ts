import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("client address for rate limits", () => {
  it("is the socket's peer unless proxies are trusted; spoofed X-Forwarded-For is ignored", () => {
    expect(
      clientAddress({
        remoteAddress: "::ffff:10.0.0.7",
        forwardedFor: "1.2.3.4",
        trustedProxyHops: 0,
      }),
    ).toBe("10.0.0.7");
    expect(
      clientAddress({ remoteAddress: undefined, forwardedFor: undefined, trustedProxyHops: 0 }),
    ).toBe("unknown");
  });

  it("takes the entry that many hops from the right behind trusted proxies", () => {
    const forwardedFor = "6.6.6.6, 203.0.113.9, 10.0.0.2";
    expect(clientAddress({ remoteAddress: "10.0.0.1", forwardedFor, trustedProxyHops: 1 })).toBe(
      "10.0.0.2",
    );
    expect(clientAddress({ remoteAddress: "10.0.0.1", forwardedFor, trustedProxyHops: 2 })).toBe(
      "203.0.113.9",
    );
    expect(
      clientAddress({ remoteAddress: "10.0.0.1", forwardedFor: "junk", trustedProxyHops: 1 }),
    ).toBe("10.0.0.1");
    expect(
      clientAddress({ remoteAddress: "10.0.0.1", forwardedFor: undefined, trustedProxyHops: 1 }),
    ).toBe("10.0.0.1");
  });
});
