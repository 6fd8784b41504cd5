import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "next.config.ts",
  "proxy.ts",
  "instrumentation-client.ts",
  "package-lock.json",
];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build or a source file changed after it was made. */
export function buildIsStale(dir: string): boolean {
  const buildId = path.join(dir, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(dir, s)) > builtAt);
}

/**
 * Makes `npm start` work on a fresh clone: runs `next build` when the production build is
 * missing or older than the sources.
 */
export function ensureBuild(dir: string): void {
  if (!buildIsStale(dir)) return;
  process.stdout.write(
    JSON.stringify({ level: "info", msg: "building the app (next build), this takes a minute" }) +
      "\n",
  );
  const result = spawnSync(
    process.execPath,
    [path.join(dir, "node_modules/next/dist/bin/next"), "build"],
    {
      cwd: dir,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) throw new Error("next build failed");
}
