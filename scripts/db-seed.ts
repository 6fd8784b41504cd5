/**
 * `npm run db:seed`: resets the configured database to the Deichhausen demo. Everything in it is
 * deleted first. With the embedded database, stop the server before running this.
 */
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { resetDatabase, seedDemo } from "@/lib/demo/seed-demo";

const database = await getDatabase();
await database.migrate();
await resetDatabase({ db: database.db });
const { conceptId } = await seedDemo({ db: database.db });
await closeDatabase();
console.log(`demo reset (${database.kind}); concept ${conceptId}`);
