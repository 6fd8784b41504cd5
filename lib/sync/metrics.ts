/**
 * Per-process counters of the sync server. Kept on globalThis so Next's route handlers read the
 * same object the custom server writes.
 */
export interface SyncMetrics {
  instanceId: string;
  startedAt: string;
  docsLoaded: number;
  connections: number;
  updatesReceived: number;
  updatesPersisted: number;
  updatesDropped: number;
  /** Writes that broke a document's rules, by rule; each was dropped whole. */
  updatesRejected: Record<string, number>;
  /** Presence messages dropped: another client's entry, malformed, or from a reader. */
  presenceDropped: number;
  messagesSent: number;
  closedByServer: Record<string, number>;
  persistBatches: number;
  /** Rolling window of persist (group commit) latencies, milliseconds. */
  persistLatencyMs: number[];
  redis: {
    configured: boolean;
    connected: boolean;
    published: number;
    received: number;
    gaps: number;
  };
}

const KEY = Symbol.for("integrationskonzept.syncMetrics");
type GlobalWithMetrics = typeof globalThis & { [KEY]?: SyncMetrics };

export function syncMetrics(): SyncMetrics {
  const g = globalThis as GlobalWithMetrics;
  g[KEY] ??= {
    instanceId: "",
    startedAt: new Date().toISOString(),
    docsLoaded: 0,
    connections: 0,
    updatesReceived: 0,
    updatesPersisted: 0,
    updatesDropped: 0,
    updatesRejected: {},
    presenceDropped: 0,
    messagesSent: 0,
    closedByServer: {},
    persistBatches: 0,
    persistLatencyMs: [],
    redis: { configured: false, connected: false, published: 0, received: 0, gaps: 0 },
  };
  return g[KEY];
}

/** Counts a socket the server closed, by close code. */
export function countServerClose(code: number): void {
  const closed = syncMetrics().closedByServer;
  closed[code] = (closed[code] ?? 0) + 1;
}

/** Counts a write dropped for breaking a rule; the rule's detail after ':' is not counted. */
export function countRejectedUpdate(reason: string): void {
  const metrics = syncMetrics();
  metrics.updatesDropped++;
  const rule = reason.split(":")[0]!;
  metrics.updatesRejected[rule] = (metrics.updatesRejected[rule] ?? 0) + 1;
}

export function recordPersistLatency(ms: number): void {
  const window = syncMetrics().persistLatencyMs;
  window.push(ms);
  if (window.length > 1000) window.splice(0, window.length - 1000);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** JSON view: counters plus updates per second since start and persist latency percentiles. */
export function syncMetricsSnapshot() {
  const m = syncMetrics();
  const seconds = Math.max(1, (Date.now() - Date.parse(m.startedAt)) / 1000);
  const sorted = [...m.persistLatencyMs].sort((a, b) => a - b);
  return {
    ...m,
    persistLatencyMs: undefined,
    updatesPerSecond: Number((m.updatesPersisted / seconds).toFixed(2)),
    persistLatency: {
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    },
  };
}
