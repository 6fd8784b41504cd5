import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { registeredFanout } from "@/lib/sync/fanout-registry";

export const dynamic = "force-dynamic";

async function databaseOk(): Promise<{ kind?: string; ok: boolean }> {
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    return { kind: database.kind, ok: true };
  } catch {
    return { ok: false };
  }
}

/** For load balancers and operators: is the database reachable, and Redis when configured? */
export async function GET() {
  const database = await databaseOk();
  const redis = getEnv().REDIS_URL
    ? { ok: (await registeredFanout()?.healthy()) ?? false }
    : undefined;
  const ok = database.ok && (redis?.ok ?? true);
  return Response.json(
    { status: ok ? "ok" : "error", database, ...(redis ? { redis } : {}) },
    { status: ok ? 200 : 503 },
  );
}
