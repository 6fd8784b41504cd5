import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { organisations } from "@/lib/db/schema";

/**
 * Organisation ids by lower-cased name, matching names and short names case-insensitively;
 * organisations the store does not know yet are added with kind "other" (an upsert, safe when
 * several transactions add the same name at once).
 */
export async function organisationsByName(tx: Tx, names: string[]): Promise<Map<string, string>> {
  // The first spelling of a name is the one a new organisation gets.
  const wanted = new Map<string, string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (!wanted.has(key)) wanted.set(key, name.trim());
  }
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;
  const rows = await tx
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
    .from(organisations);
  for (const row of rows) {
    for (const name of [row.name, row.shortName]) {
      const key = name?.toLowerCase();
      if (key && wanted.has(key) && !ids.has(key)) ids.set(key, row.id);
    }
  }
  const missing = [...wanted].filter(([key]) => !ids.has(key));
  if (missing.length) {
    // An upsert on the name constraint: an organisation another transaction creates at the same
    // moment is waited for and returned, never a unique violation.
    const created = await tx
      .insert(organisations)
      .values(missing.map(([, name]) => ({ name, kind: "other" as const })))
      .onConflictDoUpdate({ target: organisations.name, set: { name: sql`excluded.name` } })
      .returning({ id: organisations.id, name: organisations.name });
    for (const row of created) ids.set(row.name.toLowerCase(), row.id);
  }
  return ids;
}
