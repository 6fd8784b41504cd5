/** `npm run db:migrate`: applies the migrations in drizzle/ to the configured database. */
import { closeDatabase, getDatabase } from "@/lib/db/client";

const database = await getDatabase();
await database.migrate();
await closeDatabase();
console.log(`migrations applied (${database.kind})`);
