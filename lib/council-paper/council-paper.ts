import "server-only";
import { eq } from "drizzle-orm";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import type { Db } from "@/lib/db/client";
import { concepts, councilPapers, organisations } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { prefillCouncilPaper } from "./prefill";
import { councilPaperSchema, type CouncilPaper, type CouncilPaperState } from "./schema";

/** The concept's title and town, or 404 not_found:concept. */
export async function conceptHeading({ db, conceptId }: { db: Db; conceptId: string }) {
  const [row] = await db
    .select({ title: concepts.title, town: organisations.name })
    .from(concepts)
    .leftJoin(organisations, eq(organisations.id, concepts.townId))
    .where(eq(concepts.id, conceptId));
  if (!row) throw new AppError("not_found:concept");
  return row;
}

/** A stored paper read back; one that no longer passes the schema is treated as not stored. */
function storedPaper(json: unknown): CouncilPaper | null {
  const result = councilPaperSchema.safeParse(json);
  return result.success ? result.data : null;
}

/**
 * The concept's council paper with its store times: the stored one, else one pre-filled from
 * the concept (not stored until a moderator saves it). Access is the caller's to check.
 */
export async function loadCouncilPaper({
  db,
  conceptId,
  now = new Date(),
}: {
  db: Db;
  conceptId: string;
  now?: Date;
}): Promise<CouncilPaperState & { createdAt: string | null }> {
  const [row] = await db
    .select({
      paper: councilPapers.paper,
      createdAt: councilPapers.createdAt,
      updatedAt: councilPapers.updatedAt,
    })
    .from(councilPapers)
    .where(eq(councilPapers.conceptId, conceptId));
  const stored = row ? storedPaper(row.paper) : null;
  if (row && stored)
    return {
      paper: stored,
      stored: true,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  const [{ town }, content] = await Promise.all([
    conceptHeading({ db, conceptId }),
    loadConceptContent({ db, conceptId }),
  ]);
  if (!content) throw new AppError("not_found:concept");
  return {
    paper: prefillCouncilPaper({ content, town, now }),
    stored: false,
    createdAt: null,
    updatedAt: null,
  };
}

/**
 * Validates and stores the paper (one per concept: a later save replaces it). Invalid input is
 * a 400 bad_request:input naming each wrong field by its path, e.g. `consultations.0.committee`.
 * Moderators only: the caller checks the role.
 */
export async function saveCouncilPaper({
  db,
  conceptId,
  userId,
  input,
  now = new Date(),
}: {
  db: Db;
  conceptId: string;
  userId: string;
  input: unknown;
  now?: Date;
}): Promise<CouncilPaperState> {
  const paper = parseInput(councilPaperSchema, input);
  const [row] = await db
    .insert(councilPapers)
    .values({ conceptId, paper, updatedBy: userId, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: councilPapers.conceptId,
      set: { paper, updatedBy: userId, updatedAt: now },
    })
    .returning({ updatedAt: councilPapers.updatedAt });
  return { paper, stored: true, updatedAt: (row?.updatedAt ?? now).toISOString() };
}
