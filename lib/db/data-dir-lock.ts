import fs from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";
import { log } from "@/lib/log";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

export interface DataDirLockOptions {
  /** A lock not refreshed for this long belongs to a process that is gone (crashed, zombie). */
  staleMs?: number;
  /** How often the holder refreshes the lock (at most staleMs / 2). */
  updateMs?: number;
  /** Called if the lock is lost while held (its folder removed or taken over). */
  onCompromised?: (error: Error) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock file of an earlier version held a pid, which cannot tell a reused pid from its owner. */
function removeLegacyLockFile(lockPath: string): void {
  try {
    if (fs.statSync(lockPath).isFile()) {
      log.warn("old-style data folder lock replaced", { lockPath });
      fs.rmSync(lockPath, { force: true });
    }
  } catch {
    // no lock, or it went away meanwhile
  }
}

const mtimeOf = (lockPath: string): number | null => {
  try {
    return fs.statSync(lockPath).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * Claims the embedded database folder for this process. PGlite has no lock of its own, and two
 * processes on one folder corrupt it, so a second server must refuse to start instead.
 *
 * The lock is `DATA_DIR/server.lock`, a directory made atomically and kept fresh by its holder
 * (proper-lockfile, mtime-based): whether its owner still runs is read from the refresh, not
 * from a pid that a crashed process may have passed on to another, or that a zombie keeps.
 * A lock that is refreshed while we wait belongs to a live server: refused at once. One left
 * by a crash is taken over once it has gone stale (after `staleMs`, 10 s by default).
 */
export async function acquireDataDirLock(
  dataDir: string,
  { staleMs = 10_000, updateMs = 2_500, onCompromised }: DataDirLockOptions = {},
): Promise<() => void> {
  const lockPath = path.join(dataDir, "server.lock");
  const refused = () =>
    new DataDirLockedError(
      `The data folder ${dataDir} is already in use by another server. ` +
        `Stop that server first, or set DATA_DIR to a different folder.`,
    );
  removeLegacyLockFile(lockPath);
  const deadline = Date.now() + staleMs + updateMs;
  let seen: number | null = null;
  for (;;) {
    try {
      await lockfile.lock(dataDir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: staleMs,
        update: updateMs,
        onCompromised:
          onCompromised ??
          ((error) => {
            // Another process may now use the folder: stop cleanly rather than corrupt it.
            log.error("data folder lock lost; shutting down", { lockPath, error: String(error) });
            process.kill(process.pid, "SIGTERM");
          }),
      });
      // Released synchronously, so the folder is free the moment the process ends.
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          lockfile.unlockSync(dataDir, { lockfilePath: lockPath, realpath: false });
        } catch {
          // already released or lost
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
      const mtime = mtimeOf(lockPath);
      if (mtime !== null && seen !== null && mtime !== seen) throw refused();
      if (Date.now() > deadline) throw refused();
      seen = mtime;
      await sleep(Math.min(500, updateMs / 2));
    }
  }
}
