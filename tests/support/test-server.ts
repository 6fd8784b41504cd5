import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPostgresDatabase, POSTGRES_URL } from "./test-database";

export interface TestServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no flush, no goodbye. */
  kill(): Promise<void>;
  /**
   * Stops the server (SIGTERM), as in a restart or a network outage, and returns `resume`,
   * which starts it again on the same port and data; this object then stands for the new
   * process.
   */
  interrupt(): Promise<{ resume(): Promise<void> }>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEST_AUTH_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

/**
 * Starts the real server (`server/main.ts`, production build) on a free port as a child
 * process. Postgres when DATABASE_URL is set (a fresh database per server), else PGlite in
 * `dataDir`. Resolves once it logs that it listens.
 */
export async function startTestServer(
  options: {
    database?: "default" | "pglite";
    /** Reuse this Postgres database (it is then not dropped on stop): restarts, several instances. */
    databaseUrl?: string;
    /** Used by interrupt(): the database this server owns and drops on stop. */
    ownDatabase?: { url: string; drop(): Promise<void> };
    dataDir?: string;
    port?: number;
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kw-test-"));
  const postgresDb =
    options.ownDatabase ??
    (options.databaseUrl === undefined && options.database !== "pglite" && POSTGRES_URL
      ? await createPostgresDatabase()
      : undefined);
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl ?? postgresDb?.url ?? "",
      REDIS_URL: "",
      AUTH_SECRET: TEST_AUTH_SECRET,
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = () => {
      const match = /"msg":"listening","url":"([^"]+)","port":(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        // With PUBLIC_URL set the log names the public origin; tests talk to the port.
        resolve(`http://127.0.0.1:${match[2]}`);
      }
    };
    child.stdout.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });

  const server: TestServer = {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      await postgresDb?.drop();
      return code;
    },
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
    async interrupt() {
      if (child.exitCode === null) child.kill("SIGTERM");
      // The server gives up on a hung shutdown itself; this is the backstop for the test.
      const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(kill);
      return {
        resume: async () => {
          const next = await startTestServer({
            ...options,
            dataDir,
            port: Number(new URL(url).port),
            ownDatabase: postgresDb,
          });
          Object.assign(server, next);
        },
      };
    },
  };
  return server;
}
