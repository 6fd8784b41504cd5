// @ts-check
/**
 * Worker thread that owns the embedded PGlite database. PGlite runs Postgres in WebAssembly
 * and writes its files synchronously; in a worker that work no longer blocks the event loop
 * that serves pages and WebSocket traffic. The main thread talks to it through
 * `PGliteWorkerClient` (pglite-worker-client.ts); messages are typed in pglite-worker-protocol.ts.
 * Plain JavaScript, so the worker starts without a TypeScript loader.
 *
 * Memory (docs/PERFORMANCE.md, "Memory"): the WebAssembly heap of Postgres can grow but never
 * shrink, so what Postgres touches once stays resident. Hence a small buffer pool; and a new
 * data folder is initialised by a short-lived process of its own (pglite-init.mjs).
 */
import { parentPort, workerData } from "node:worker_threads";

// The worker inherits the server's execArgv, so tsx has turned source maps on here; Node would
// then read and keep the source map of every module loaded (PGlite's: 1.3 MB on disk, more once
// parsed). Off before PGlite loads, as in the production server (server/main.ts).
process.setSourceMapsEnabled(false);
const { PGlite } = await import("@electric-sql/pglite");

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
const { dataDir } = /** @type {{ dataDir: string }} */ (workerData);

/**
 * Postgres's buffer pool lives in the WebAssembly heap; PGlite's default is 160 MB, and it is
 * touched as the pool warms, so it ends up resident. The data folder is read through the
 * operating system's file cache anyway, and a town's database is small: 16 MB keeps the hot
 * pages (the update log, snapshots, the catalog). Durability settings are PGlite's defaults.
 */
const SHARED_BUFFERS = "16MB";
const options = {
  startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`],
};

class Rollback extends Error {}

/** @type {Map<number, { tx: import("@electric-sql/pglite").Transaction; finish: (ok: boolean) => void; done: Promise<void> }>} */
const transactions = new Map();
let nextTransaction = 1;

/** @param {unknown} error */
function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  /** @type {Record<string, unknown>} */
  const fields = { message: error.message, name: error.name };
  for (const key of ["code", "detail", "constraint", "table", "column", "schema", "severity"]) {
    const value = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (error))[key];
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

/**
 * Opens a transaction that stays open until an "end" request commits or rolls it back.
 * @param {PGlite} db
 * @returns {Promise<number>}
 */
function begin(db) {
  const id = nextTransaction++;
  return new Promise((resolveBegin, rejectBegin) => {
    /** @type {Promise<void>} */
    const done = db
      .transaction(
        (tx) =>
          new Promise((commit, rollback) => {
            transactions.set(id, {
              tx,
              finish: (ok) => (ok ? commit(undefined) : rollback(new Rollback())),
              done,
            });
            resolveBegin(id);
          }),
      )
      .then(
        () => undefined,
        (error) => {
          if (!(error instanceof Rollback)) throw error;
        },
      )
      .finally(() => transactions.delete(id));
    done.catch(rejectBegin);
  });
}

/** @param {PGlite} db @param {any} request */
async function handle(db, request) {
  switch (request.kind) {
    case "query": {
      const target = request.transaction ? transactions.get(request.transaction)?.tx : db;
      if (!target) throw new Error(`no open transaction ${request.transaction}`);
      const parsers = Object.fromEntries(
        request.rawTypes.map((/** @type {number} */ oid) => [oid, (/** @type {string} */ v) => v]),
      );
      const result = await target.query(request.sql, request.params, {
        rowMode: request.rowMode,
        parsers,
      });
      return { rows: result.rows, affectedRows: result.affectedRows, fields: result.fields };
    }
    case "begin":
      return begin(db);
    case "end": {
      const entry = transactions.get(request.transaction);
      if (!entry) throw new Error(`no open transaction ${request.transaction}`);
      entry.finish(request.commit);
      await entry.done;
      return null;
    }
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`unknown request ${request.kind}`);
  }
}

try {
  const db = await PGlite.create(dataDir, options);
  port.on("message", (request) => {
    handle(db, request).then(
      (result) => port.postMessage({ id: request.id, ok: true, result }),
      (error) => port.postMessage({ id: request.id, ok: false, error: serializeError(error) }),
    );
  });
  port.postMessage({ id: 0, ok: true, result: "ready" });
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: serializeError(error) });
}
