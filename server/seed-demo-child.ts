/**
 * Migrates the database and seeds the demo if it is empty, then ends: run by the server in a
 * process of its own on a first start (server/app-server.ts), so that the editor schema and renderer that writing the
 * demo's chapters needs, and the garbage it leaves, never stay in the server process.
 */
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo/seed-demo";
import { log } from "@/lib/log";

const database = await getDatabase();
try {
  await database.migrate();
  if (await isDatabaseEmpty({ db: database.db })) {
    await seedDemo({ db: database.db });
    log.info("demo data loaded", { town: "Deichhausen" });
  }
} finally {
  await closeDatabase();
}
