// @ts-check
/**
 * `node lib/db/pglite-init.mjs <folder>`: creates a new PGlite database (initdb) in <folder> and
 * exits. The server runs it as a short-lived process before it opens a new data folder in its
 * worker (pglite-worker-client.ts): initdb runs Postgres twice in WebAssembly and leaves
 * 100-400 MiB behind (WebAssembly memory, compiler zones in malloc arenas) that a thread cannot
 * give back, but an ended process does. Plain JavaScript, so it starts without a TypeScript loader.
 */
import { PGlite } from "@electric-sql/pglite";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: pglite-init.mjs <data folder>");
const db = await PGlite.create(dataDir);
await db.close();
