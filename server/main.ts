/**
 * `npm start` / `npm run dev`. Validates configuration first, so a bad value stops the process
 * with a message instead of failing later.
 */
import { ConfigError, getEnv } from "@/lib/env";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";

const dev = process.argv.includes("--dev");
// React and Next pick their build mode from NODE_ENV; it must be set before they load.
if (!dev) Object.assign(process.env, { NODE_ENV: "production" });
// tsx turns source maps on; Node then reads and keeps the source map of every module it loads,
// Next's server chunks included: about 50 MiB of heap (docs/PERFORMANCE.md, "Memory"). In
// production they are off, as under `next start`, unless asked for with --enable-source-maps.
const sourceMapsAsked = [
  ...process.execArgv,
  ...(process.env.NODE_OPTIONS ?? "").split(/\s+/),
].includes("--enable-source-maps");
if (!dev && !sourceMapsAsked) process.setSourceMapsEnabled(false);
process.env.NEXT_TELEMETRY_DISABLED = "1";
/** Pending edits are flushed on shutdown; this bounds how long that may take. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main() {
  const env = getEnv();
  // next-auth reads its public origin from the environment: the configured PUBLIC_URL, or else
  // the Host of each request, so phones on the LAN and test servers on random ports work.
  if (env.PUBLIC_URL) process.env.NEXTAUTH_URL = env.PUBLIC_URL;
  else process.env.AUTH_TRUST_HOST = "true";
  const { startAppServer } = await import("./app-server");
  const { log } = await import("@/lib/log");
  const server = await startAppServer({ dev });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info("shutting down", { signal });
    // A shutdown that hangs (a stuck database call, a socket that never closes) must not keep
    // the port and the data folder: after this long the process ends anyway.
    setTimeout(() => {
      log.error("shutdown timed out", { signal });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  // A failure nothing waited for is logged; it never takes the room's board down with it.
  process.on("unhandledRejection", (reason: unknown) =>
    log.error("unhandled rejection", { error: String((reason as Error)?.stack ?? reason) }),
  );
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(
      `\nThe server could not start: ${String((error as Error)?.stack ?? error)}\n\n`,
    );
  }
  process.exit(1);
});
