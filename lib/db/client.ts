/**
 * Database handles. One code path for embedded PGlite (default) and real Postgres (DATABASE_URL).
 * Embedded PGlite on a data folder runs in a worker thread; in-memory PGlite (tests) in-process.
 * `getDb()` returns the per-process singleton kept on globalThis, so the custom server and
 * Next's route modules share it: two PGlite instances on one data folder would corrupt it.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import { acquireDataDirLock } from "./data-dir-lock";
import { PGliteWorkerClient } from "./pglite-worker-client";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: "postgres"; url: string; max?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" };

const migrationsFolder = path.resolve(process.cwd(), "drizzle");

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const sql = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres({ client: sql, schema });
    return {
      kind: "postgres",
      db: db as unknown as Db,
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => sql.end({ timeout: 5 }),
    };
  }

  const { client, close } =
    options.kind === "pglite"
      ? await openPgliteWorker(options.dataDir)
      : await openPgliteInProcess();
  // The worker client offers the part of PGlite's API that drizzle's driver uses.
  const db = drizzlePglite({ client: client as PGlite, schema });
  return {
    kind: "pglite",
    db: db as unknown as Db,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close,
  };
}

async function openPgliteInProcess() {
  const client = await PGlite.create();
  return { client, close: () => client.close() };
}

/** PGlite on a data folder: locked to this process, run in a worker thread. */
async function openPgliteWorker(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = await acquireDataDirLock(dataDir);
  try {
    const client = await PGliteWorkerClient.open(path.join(dataDir, "pgdata"));
    return {
      client: client as unknown as PGlite,
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Database options from the validated environment. */
export function databaseOptionsFromEnv(): DatabaseOptions {
  const env = getEnv();
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: env.dataDir };
}

const GLOBAL_KEY = Symbol.for("integrationskonzept.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DatabaseHandle> };

/** The process-wide database handle, opened on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithDb;
  g[GLOBAL_KEY] ??= openDatabase(databaseOptionsFromEnv()).catch((error: unknown) => {
    delete g[GLOBAL_KEY];
    throw error;
  });
  return g[GLOBAL_KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Closes the process-wide handle if one was opened. */
export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const pending = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  if (pending) await (await pending).close();
}
