import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "@/lib/db/data-dir-lock";

/** The data folder lock decides by its refresh, not by a pid. */
describe("data folder lock", () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const options = { staleMs: 2_000, updateMs: 1_000 };

  it("refuses while the holder keeps it fresh, and is free once released", async () => {
    const dir = folder();
    const release = await acquireDataDirLock(dir, options);
    const started = Date.now();
    await expect(acquireDataDirLock(dir, options)).rejects.toBeInstanceOf(DataDirLockedError);
    // Refused as soon as a refresh shows the holder is alive, well before the lock could go stale.
    expect(Date.now() - started).toBeLessThan(2_000 + 1_000);
    release();
    expect(fs.existsSync(path.join(dir, "server.lock"))).toBe(false);
    (await acquireDataDirLock(dir, options))();
  });

  it("takes over a lock nobody refreshes, whatever pid an old lock file names", async () => {
    const dir = folder();
    const lockPath = path.join(dir, "server.lock");
    fs.mkdirSync(lockPath);
    const started = Date.now();
    const release = await acquireDataDirLock(dir, options);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    release();

    fs.writeFileSync(lockPath, String(process.ppid)); // a live process, not the owner
    (await acquireDataDirLock(dir, options))();
  });
});
