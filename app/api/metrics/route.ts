import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasBearerToken } from "@/lib/http/bearer-token";
import { jsonRoute } from "@/lib/http/json-route";
import { syncMetricsSnapshot } from "@/lib/sync/metrics";

export const dynamic = "force-dynamic";

/**
 * Per-process counters of the sync server as JSON: documents, connections, updates, latency.
 * For signed-in users, or a monitoring system sending `Authorization: Bearer <METRICS_TOKEN>`;
 * 401 otherwise (the counters tell an outsider how busy the server is and when).
 */
export const GET = jsonRoute(async (request) => {
  const byToken = hasBearerToken({ headers: request.headers, expected: getEnv().METRICS_TOKEN });
  if (!byToken && !(await getCurrentUser())) throw new AppError("unauthorized:session");
  return Response.json(syncMetricsSnapshot());
});
