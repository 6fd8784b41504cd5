import { recordPersistLatency, syncMetrics } from "@/lib/sync/metrics";
import type { DocStore } from "./doc-store";

interface Pending {
  docName: string;
  update: Uint8Array;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: updates that arrive while a write is in flight are written together in the
 * next statement. Callers await durability; order is first-in, first-out.
 */
export class PersistQueue {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly store: DocStore) {}

  append(docName: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ docName, update, resolve, reject });
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
          const ids = await this.store.append(batch);
          recordPersistLatency(performance.now() - started);
          const metrics = syncMetrics();
          metrics.persistBatches++;
          metrics.updatesPersisted += batch.length;
          batch.forEach((entry, i) => entry.resolve(ids[i] ?? 0));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
