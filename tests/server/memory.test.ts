import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

/** Resident memory of a process, all threads (the PGlite worker too), in MiB. */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/**
 * DESIGN.md: the embedded default idles at 400 MiB or less. A fresh data folder (initdb) is the
 * heaviest start; it used to idle at 1,050 MiB (docs/PERFORMANCE.md, "Memory").
 */
describe("memory of the embedded default", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: "pglite" });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("idles at 400 MiB or less after a fresh start and a signed-in page view", async () => {
    const moderator = new HttpClient(server.url);
    await moderator.signIn("moderation@deichhausen.example");
    expect((await moderator.fetch("/")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const rss = rssMiB(server.process.pid!);
    expect(rss).toBeGreaterThan(50);
    expect(rss).toBeLessThanOrEqual(400);
  }, 120_000);
});
