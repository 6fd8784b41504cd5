import type { Db } from "@/lib/db/client";

/**
 * What every change to a concept receives: the database, who asks (checked inside, never
 * trusted), which concept, and the raw input (validated inside with the domain's zod schema).
 */
export interface ConceptCommand {
  db: Db;
  userId: string | undefined;
  conceptId: string;
  input: unknown;
}
