import { syncMetricsSnapshot } from "@/lib/sync/metrics";

export const dynamic = "force-dynamic";

/** Per-process counters of the sync server as JSON: documents, connections, updates, latency. */
export function GET() {
  return Response.json(syncMetricsSnapshot());
}
