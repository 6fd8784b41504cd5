import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { getAuthSecret } from "@/lib/auth/secret";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo/seed-demo";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { ensureBuild } from "./ensure-build";

export interface AppServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The one process entry: opens the database (migrating and seeding it), then serves Next's
 * pages and route handlers over one HTTP server. WebSocket upgrades that are not ours go to Next.
 */
export async function startAppServer({ dev }: { dev: boolean }): Promise<AppServer> {
  const env = getEnv();
  const dir = process.cwd();

  const database = await getDatabase();
  await database.migrate();
  if (env.SEED_DEMO && (await isDatabaseEmpty({ db: database.db }))) {
    await seedDemo({ db: database.db });
    log.info("demo data loaded", { town: "Deichhausen" });
  }
  getAuthSecret();

  if (!dev) ensureBuild(dir);
  const app = next({ dev, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error("request failed", { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on("upgrade", (req, socket, head) => {
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
      await closeDatabase();
    },
  };
}
