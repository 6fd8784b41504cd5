import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import path from "node:path";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/auth/client-address";
import { getAuthSecret } from "@/lib/auth/secret";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { isDatabaseEmpty } from "@/lib/demo/database-empty";
import { getEnv } from "@/lib/env";
import { API_CONTENT_SECURITY_POLICY, baseSecurityHeaders } from "@/lib/http/security-headers";
import { log } from "@/lib/log";
import { registerFanout } from "@/lib/sync/fanout-registry";
import { ensureBuild } from "./ensure-build";
import { LocalFanout } from "./sync/fanout";
import { RedisFanout } from "./sync/redis-fanout";
import { newInstanceId, SyncServer } from "./sync/sync-server";

/** How much of a refused request body is still read (and discarded) after the answer. */
/** How long open sockets may take to close on shutdown before they are cut. */
const SHUTDOWN_GRACE_MS = 2_000;
const LINGER = { bytes: 8 * 1024 * 1024, ms: 5_000 };

/**
 * When the answer went out before the request body was read to its end (a 413, or a 401 before
 * the body was looked at), the rest is not received: a little more is read and thrown away, so
 * the client sees the answer rather than a reset connection, then the connection is closed.
 */
function hangUpOnUnreadBody(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.once("finish", () => {
    if (req.complete) return;
    let discarded = 0;
    const hangUp = () => req.socket.destroy();
    const timer = setTimeout(hangUp, LINGER.ms);
    timer.unref();
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > LINGER.bytes) hangUp();
    });
    req.once("end", () => clearTimeout(timer));
    req.socket.once("close", () => clearTimeout(timer));
    req.resume();
  });
}

/** Runs server/seed-demo-child.ts with this process's Node and loader flags (tsx). */
function seedDemoInOwnProcess(): Promise<void> {
  const script = path.join(import.meta.dirname, "seed-demo-child.ts");
  const child = spawn(process.execPath, [...process.execArgv, script], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`demo seeding failed (${signal ?? code})`)),
    );
  });
}

/** Requests the page proxy gives a CSP of its own (proxy.ts matches the same paths). */
function isPage(url: string | undefined): boolean {
  return !/^\/(api\/|_next\/static\/|_next\/image)/.test(url ?? "/");
}

export interface AppServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The one process entry: opens the database (migrating and seeding it), then serves Next's
 * pages and route handlers over one HTTP server, plus the sync server's WebSocket endpoint.
 * Upgrades that are not for /sync/ go to Next (its dev reload).
 */
export async function startAppServer({ dev }: { dev: boolean }): Promise<AppServer> {
  const env = getEnv();
  const dir = process.cwd();

  // A new embedded data folder is created, migrated and seeded by the seeding process alone, so
  // this process opens the database once (each PGlite it opened would leave memory behind).
  if (env.SEED_DEMO && !env.DATABASE_URL && !fs.existsSync(path.join(env.dataDir, "PG_VERSION")))
    await seedDemoInOwnProcess();
  let database = await getDatabase();
  await database.migrate();
  if (env.SEED_DEMO && (await isDatabaseEmpty({ db: database.db }))) {
    // The data folder admits one process at a time: the seeding process opens it after us.
    await closeDatabase();
    await seedDemoInOwnProcess();
    database = await getDatabase();
  }
  getAuthSecret();

  if (!dev) {
    ensureBuild(dir);
    applyBuiltConfig({ dir });
  }
  const app = next({ dev, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();

  const instanceId = newInstanceId();
  const fanout = env.REDIS_URL
    ? new RedisFanout(instanceId, env.REDIS_URL, env.REDIS_STREAM)
    : new LocalFanout(instanceId);
  if (fanout instanceof RedisFanout) await fanout.start();
  const sync = new SyncServer({
    db: database.db,
    fanout,
    maxFrameBytes: env.SYNC_MAX_FRAME_BYTES,
    limits: {
      messagesPerSecond: env.SYNC_MESSAGES_PER_SECOND,
      burst: env.SYNC_MESSAGE_BURST,
      bytesPerSecond: env.SYNC_BYTES_PER_SECOND,
      byteBurst: env.SYNC_BYTE_BURST,
      maxQueuedBytes: env.SYNC_MAX_QUEUED_BYTES,
      maxBufferedBytes: env.SYNC_MAX_BUFFERED_BYTES,
      maxDocBytes: env.SYNC_MAX_DOC_BYTES,
      handshakeTimeoutMs: env.SYNC_HANDSHAKE_TIMEOUT_MS,
    },
    keepaliveMs: env.SYNC_KEEPALIVE_MS,
    maxSocketsPerPerson: env.SYNC_MAX_SOCKETS_PER_PERSON,
    maxSocketsPerToken: env.SYNC_MAX_SOCKETS_PER_TOKEN,
  });
  registerFanout(fanout);

  const securityHeaders = baseSecurityHeaders({ publicUrl: env.PUBLIC_URL });
  const server = http.createServer((req, res) => {
    // The peer address for per-address limits; whatever a client sent under this name is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress({
      remoteAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    });
    // On every response, also those Next does not render (errors here, static files); pages
    // add their own CSP with a nonce (proxy.ts), everything else allows nothing.
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (!isPage(req.url)) res.setHeader("content-security-policy", API_CONTENT_SECURITY_POLICY);
    hangUpOnUnreadBody(req, res);
    handle(req, res).catch((error: unknown) => {
      log.error("request failed", { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Every socket, upgraded ones included (http's closeAllConnections no longer sees those), so
  // a shutdown can end what a reconnecting browser opened while the server was closing.
  const sockets = new Set<Duplex>();
  server.on("connection", (socket: Duplex) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("upgrade", (req, socket, head) => {
    if (sync.handleUpgrade(req, socket, head)) return;
    socket.on("error", () => socket.destroy());
    handleUpgrade(req, socket, head).catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  log.info("listening", { url, port, database: database.kind, dev });

  return {
    url,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await sync.close();
      server.closeAllConnections();
      // Sockets get a moment to finish their close handshake, then are cut.
      const grace = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      await app.close();
      await closeDatabase();
    },
  };
}

/**
 * Serves production with the configuration the build resolved, as Next's standalone server
 * does, instead of loading next.config.ts again: that load compiles the file with Next's SWC
 * binding and runs the next-intl plugin, which loads its build tools (@swc/core,
 * @parcel/watcher), about 50 MiB resident for nothing at run time (docs/PERFORMANCE.md,
 * "Memory"). ensureBuild has just rebuilt if next.config.ts changed, so the two agree.
 */
function applyBuiltConfig({ dir }: { dir: string }) {
  try {
    const manifest = path.join(dir, ".next", "required-server-files.json");
    const { config } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { config: object };
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  } catch (error) {
    log.warn("built Next config not found; loading next.config.ts", { error: String(error) });
  }
}
