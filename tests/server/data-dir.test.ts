import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import type { ConceptContent } from "@/lib/concept/load-concept-content";
import { HttpClient, serverActionId } from "../support/http-client";
import { startTestServer, TEST_AUTH_SECRET } from "../support/test-server";

/** The embedded default: what `npm start` does on a fresh machine. */
describe("embedded PGlite data folder", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-datadir-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("keeps data across a restart and refuses a second server on the same folder", async () => {
    const first = await startTestServer({ database: "pglite", dataDir });
    const moderator = new HttpClient(first.url);
    await moderator.signIn("moderation@deichhausen.example");
    const html = await (await moderator.fetch("/")).text();
    const conceptId = /href="\/concepts\/([0-9a-f-]{36})"/.exec(html)?.[1] ?? "";
    const before = (await (
      await moderator.fetch(`/api/concepts/${conceptId}`)
    ).json()) as ConceptContent;
    const field = before.fields[6]!;

    const form = new FormData();
    form.set("conceptId", conceptId);
    form.set("fieldId", field.id);
    form.set("title", "Wohnen und Quartier");
    form.set("strategicGoal", field.strategicGoal);
    const reply = await moderator.callAction(
      `/concepts/${conceptId}/fields`,
      serverActionId("app/(main)/concepts/[conceptId]/fields/actions.ts", "saveFieldAction"),
      [{ status: "idle" }, form],
    );
    expect(reply.body).toContain('"status":"ok"');

    // A second server on the same folder must stop with a clear message, not corrupt it.
    const second = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        PORT: "0",
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        AUTH_SECRET: TEST_AUTH_SECRET,
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      `The data folder ${dataDir} is already in use by another server`,
    );

    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('"msg":"shutting down"');
    expect(fs.existsSync(path.join(dataDir, "server.lock"))).toBe(false);

    const restarted = await startTestServer({ database: "pglite", dataDir });
    try {
      // The demo is loaded on first start only; the edit survived.
      expect(restarted.output()).not.toContain("demo data loaded");
      const again = new HttpClient(restarted.url);
      await again.signIn("moderation@deichhausen.example");
      const after = (await (
        await again.fetch(`/api/concepts/${conceptId}`)
      ).json()) as ConceptContent;
      expect(after.fields[6]!.title).toBe("Wohnen und Quartier");
      expect(after.fields.flatMap((f) => f.goals.flatMap((g) => g.measures)).length).toBe(
        before.fields.flatMap((f) => f.goals.flatMap((g) => g.measures)).length,
      );
    } finally {
      expect(await restarted.stop()).toBe(0);
    }
  }, 240_000);

  it("starts over a lock left by a crashed server, whose pid may be reused or a zombie", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-datadir-"));
    const lockPath = path.join(dir, "server.lock");
    try {
      // An older server's lock file naming a pid that now belongs to another live process.
      fs.writeFileSync(lockPath, String(process.pid));
      const first = await startTestServer({ database: "pglite", dataDir: dir });
      // Killed without a chance to clean up: its lock stays behind.
      await first.kill();
      expect(fs.existsSync(lockPath)).toBe(true);
      const killedAt = Date.now();
      const second = await startTestServer({ database: "pglite", dataDir: dir });
      // Taken over once it went stale (10 s without a refresh), not refused.
      expect(Date.now() - killedAt).toBeLessThan(60_000);
      await second.kill();
      // A lock that went stale long ago (its owner crashed, or lingers as a zombie) is taken
      // over at once.
      const aMinuteAgo = new Date(Date.now() - 60_000);
      fs.utimesSync(lockPath, aMinuteAgo, aMinuteAgo);
      const third = await startTestServer({ database: "pglite", dataDir: dir });
      expect(await third.stop()).toBe(0);
      expect(fs.existsSync(lockPath)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("stops with a message naming a bad configuration value", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, PORT: "viele", DATABASE_URL: "mysql://db/x" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid configuration");
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).toContain("DATABASE_URL: must start with postgres://");
  });
});
