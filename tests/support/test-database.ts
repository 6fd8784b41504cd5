import crypto from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";

/** Set in CI: suites then run against real Postgres, each in a fresh database of its own. */
export const POSTGRES_URL = parseEnv(process.env).DATABASE_URL;

/** Creates an empty database next to DATABASE_URL's and returns its URL and a drop function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error("DATABASE_URL is not set");
  const name = `it_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

/**
 * A migrated database for in-process tests: a fresh Postgres database when DATABASE_URL is set,
 * otherwise in-memory PGlite.
 */
export async function openTestDatabase(
  kind: "default" | "pglite" = "default",
): Promise<DatabaseHandle & { kind: "pglite" | "postgres" }> {
  if (kind === "default" && POSTGRES_URL) {
    const created = await createPostgresDatabase();
    const handle = await openDatabase({ kind: "postgres", url: created.url, max: 4 });
    await handle.migrate();
    return {
      ...handle,
      async close() {
        await handle.close();
        await created.drop();
      },
    };
  }
  const handle = await openDatabase({ kind: "pglite-memory" });
  await handle.migrate();
  return handle;
}
