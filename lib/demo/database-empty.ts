import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/** Whether the database holds no accounts yet: a first start, to be seeded with the demo. */
export async function isDatabaseEmpty({ db }: { db: Db }): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length === 0;
}
