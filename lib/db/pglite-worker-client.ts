import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./pglite-worker-protocol";

type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };
type Request = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, "id">
    : never
  : never;

interface QueryClient {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown>;
}

/**
 * The subset of PGlite's API that drizzle's PGlite driver uses (query, transaction), served by
 * a worker thread that owns the database (pglite-worker.mjs).
 */
export class PGliteWorkerClient implements QueryClient {
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (message: WorkerReply) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(Object.assign(new Error(String(message.error.message)), message.error));
    });
    worker.on("error", (error) => {
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    });
  }

  /**
   * Opens the database on `dataDir` in a worker. A new folder is first initialised (initdb) by
   * a process of its own that then ends: initdb leaves 100-400 MiB behind in the process that
   * ran it (pglite-init.mjs).
   */
  static async open(dataDir: string): Promise<PGliteWorkerClient> {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir);
    return new PGliteWorkerClient(startWorker({ dataDir })).started();
  }

  /** Resolves once the worker has opened the database (its reply to request 0). */
  private started(): Promise<PGliteWorkerClient> {
    return new Promise((resolve, reject) => {
      this.pending.set(0, { resolve: () => resolve(this), reject });
      this.worker.once("exit", (code) => reject(new Error(`PGlite worker exited with ${code}`)));
    });
  }

  private call(request: Request): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  query(
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
    transaction?: number,
  ): Promise<unknown> {
    return this.call({
      kind: "query",
      sql,
      params,
      rowMode: options.rowMode,
      rawTypes: Object.keys(options.parsers ?? {}).map(Number),
      transaction,
    });
  }

  /** Runs `fn` inside one transaction in the worker; a throw rolls it back. */
  async transaction<T>(fn: (tx: QueryClient) => Promise<T>): Promise<T> {
    const id = (await this.call({ kind: "begin" })) as number;
    const tx: QueryClient = {
      query: (sql, params, options) => this.query(sql, params, options, id),
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      await this.call({ kind: "end", transaction: id, commit: false });
      throw error;
    }
    await this.call({ kind: "end", transaction: id, commit: true });
    return result;
  }

  async close(): Promise<void> {
    await this.call({ kind: "close" });
    await this.worker.terminate();
  }
}

function startWorker(workerData: { dataDir: string }): Worker {
  // A plain path (not `new URL(…, import.meta.url)`), so bundlers leave it alone.
  return new Worker(path.resolve(process.cwd(), "lib/db/pglite-worker.mjs"), { workerData });
}

/** Runs initdb on a new data folder in a short-lived Node process (pglite-init.mjs). */
function initialise(dataDir: string): Promise<void> {
  const script = path.resolve(process.cwd(), "lib/db/pglite-init.mjs");
  // No execArgv: the script is plain JavaScript and needs no TypeScript loader.
  const child = spawn(process.execPath, [script, dataDir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`PGlite initdb failed (${signal ?? code}): ${stderr.trim()}`)),
    );
  });
}
