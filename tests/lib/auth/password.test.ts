import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, passwordNeedsRehash, verifyPassword } from "@/lib/auth/password";

/**
 * How long the event loop was busy (not waiting for I/O) while `work` ran, in ms. Time the
 * process spends descheduled while idle does not count, so a loaded machine does not inflate it.
 */
async function eventLoopBusyMs(work: () => Promise<unknown>): Promise<number> {
  const before = performance.eventLoopUtilization();
  await work();
  return performance.eventLoopUtilization(before).active;
}

describe("password hashes", { timeout: 180_000 }, () => {
  it("hashes with scrypt and verifies only the right password", async () => {
    const hash = await hashPassword({ password: "Sommer 2026!" });
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toBe(await hashPassword({ password: "Sommer 2026!" }));
    expect(await verifyPassword({ password: "Sommer 2026!", hash })).toBe(true);
    expect(await verifyPassword({ password: "Sommer 2026", hash })).toBe(false);
    expect(passwordNeedsRehash({ hash })).toBe(false);
  });

  it("still verifies bcrypt hashes from before, and asks for them to be replaced", async () => {
    const legacy = bcrypt.hashSync("demo", 10);
    expect(await verifyPassword({ password: "demo", hash: legacy })).toBe(true);
    expect(await verifyPassword({ password: "Demo", hash: legacy })).toBe(false);
    expect(passwordNeedsRehash({ hash: legacy })).toBe(true);
  });

  it("refuses malformed or abusive stored hashes without throwing", async () => {
    for (const hash of [
      "",
      "plain",
      "$scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$2b$10$short",
    ]) {
      expect(await verifyPassword({ password: "x", hash })).toBe(false);
    }
  });

  // Hashing is slow on purpose; on a shared CI machine these take a while.
  it(
    "matches no password with the dummy hash, at the cost of a real one",
    { timeout: 180_000 },
    async () => {
      const real = await hashPassword({ password: "demo" });
      // The faster of two runs, so a busy machine's noise does not decide.
      const time = async (hash: string) => {
        let best = Infinity;
        for (let i = 0; i < 2; i++) {
          const start = performance.now();
          await verifyPassword({ password: "demo", hash });
          best = Math.min(best, performance.now() - start);
        }
        return best;
      };
      const [dummy, actual] = [await time(DUMMY_HASH), await time(real)];
      expect(await verifyPassword({ password: "demo", hash: DUMMY_HASH })).toBe(false);
      expect(dummy).toBeGreaterThan(actual / 3);
      expect(dummy).toBeLessThan(actual * 3);
    },
  );

  it(
    "keeps the event loop free while 8 sign-ins hash and verify (scrypt and bcrypt)",
    { timeout: 180_000 },
    async () => {
      const scryptHash = await hashPassword({ password: "demo" });
      const bcryptHash = bcrypt.hashSync("demo", 10);
      // Warm up the bcrypt worker so its start-up is not measured.
      await verifyPassword({ password: "demo", hash: bcryptHash });
      // What one bcrypt check costs when it does run on the event loop.
      const start = performance.now();
      bcrypt.compareSync("demo", bcryptHash);
      const oneCheckOnLoop = performance.now() - start;

      const busy = await eventLoopBusyMs(() =>
        Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            verifyPassword({ password: "demo", hash: i % 2 ? scryptHash : bcryptHash }),
          ),
        ),
      );
      // Four bcrypt and four scrypt checks ran; on the event loop that would be ≥ 4 checks' time.
      // (3, not less: on a busy machine the loop also runs the test's own timers.)
      expect(busy).toBeLessThan(oneCheckOnLoop * 3);
    },
  );
});
