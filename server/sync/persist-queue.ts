import { recordPersistLatency, syncMetrics } from "@/lib/sync/metrics";
import type { DocStore } from "./doc-store";

export interface DurableUpdate {
  docName: string;
  update: Uint8Array;
  /** Who sent it (a connection), so fan-out can skip echoing it back. */
  origin: unknown;
}

interface Pending extends DurableUpdate {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: updates that arrive while a write is in flight are written together in the
 * next statement. Each written batch is handed to `onDurable` (to be applied and forwarded)
 * before its callers resume; order is first-in, first-out.
 */
export class PersistQueue {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: DocStore,
    private readonly onDurable: (batch: DurableUpdate[]) => void,
  ) {}

  append(docName: string, update: Uint8Array, origin: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ docName, update, origin, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /** Resolves when everything queued so far is durable (or failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, 1000);
        const started = performance.now();
        try {
          await this.store.append(batch);
        } catch (error) {
          for (const entry of batch) entry.reject(error);
          continue;
        }
        recordPersistLatency(performance.now() - started);
        const metrics = syncMetrics();
        metrics.persistBatches++;
        metrics.updatesPersisted += batch.length;
        this.onDurable(batch);
        for (const entry of batch) entry.resolve();
      }
    } finally {
      this.flushing = null;
    }
  }
}
