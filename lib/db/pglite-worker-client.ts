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

  static open(dataDir: string): Promise<PGliteWorkerClient> {
    // A plain path (not `new URL(…, import.meta.url)`), so bundlers leave it alone.
    const worker = new Worker(path.resolve(process.cwd(), "lib/db/pglite-worker.mjs"), {
      workerData: { dataDir },
    });
    const client = new PGliteWorkerClient(worker);
    return new Promise((resolve, reject) => {
      client.pending.set(0, { resolve: () => resolve(client), reject });
      worker.once("exit", (code) => reject(new Error(`PGlite worker exited with ${code}`)));
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
