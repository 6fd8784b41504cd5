import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { createPostgresDatabase, POSTGRES_URL } from "../../support/test-database";

const EXPECTED_TABLES = [
  "amendments",
  "chapter_reviewers",
  "chapter_reviews",
  "chapter_versions",
  "chapters",
  "comment_threads",
  "comments",
  "concept_members",
  "concepts",
  "council_papers",
  "deliberations",
  "doc_snapshots",
  "doc_updates",
  "fields",
  "goal_links",
  "goals",
  "guests",
  "indicator_values",
  "indicators",
  "invites",
  "measures",
  "organisations",
  "responsibilities",
  "review_links",
  "revisions",
  "users",
  "workshop_fields",
  "workshops",
];

async function tablesAfterMigratingTwice(handle: Awaited<ReturnType<typeof openDatabase>>) {
  await handle.migrate();
  await handle.migrate(); // a restart applies nothing twice
  const rows = (await handle.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  )) as unknown as { rows?: Array<{ table_name: string }> } & Array<{ table_name: string }>;
  return (rows.rows ?? rows).map((r) => r.table_name);
}

describe("migrations", () => {
  it("apply on embedded PGlite", async () => {
    const handle = await openDatabase({ kind: "pglite-memory" });
    try {
      expect(await tablesAfterMigratingTwice(handle)).toEqual(EXPECTED_TABLES);
    } finally {
      await handle.close();
    }
  });

  it.runIf(POSTGRES_URL)("apply on PostgreSQL", async () => {
    const created = await createPostgresDatabase();
    const handle = await openDatabase({ kind: "postgres", url: created.url });
    try {
      expect(await tablesAfterMigratingTwice(handle)).toEqual(EXPECTED_TABLES);
    } finally {
      await handle.close();
      await created.drop();
    }
  });
});
