import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness for load balancers: is the database reachable? */
export async function GET() {
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: { kind: database.kind, ok: true } });
  } catch {
    return Response.json({ status: "error", database: { ok: false } }, { status: 503 });
  }
}
