/**
 * Who may do what in a concept. Every page, server action, route handler and (later) sync
 * connection asks here. Checks fail closed: no user, an unknown id or a missing membership
 * never widens access.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { conceptMembers, concepts, type ConceptRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const ROLE_RANK: Record<ConceptRole, number> = { viewer: 1, editor: 2, moderator: 3 };

export function roleAtLeast(role: ConceptRole, required: ConceptRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}

const uuidSchema = z.uuid();

/** True for a well-formed id; anything else can only be "not found". */
export function isUuid(value: unknown): value is string {
  return uuidSchema.safeParse(value).success;
}

export async function getConceptRole({
  db,
  userId,
  conceptId,
}: {
  db: Queryable;
  userId: string | null | undefined;
  conceptId: string;
}): Promise<ConceptRole | null> {
  if (!userId || !isUuid(userId) || !isUuid(conceptId)) return null;
  const [member] = await db
    .select({ role: conceptMembers.role })
    .from(conceptMembers)
    .where(and(eq(conceptMembers.conceptId, conceptId), eq(conceptMembers.userId, userId)));
  return member?.role ?? null;
}

/**
 * Resolves the user's role in a concept or throws: unauthorized without a user, not_found for an
 * unknown concept, forbidden for a non-member or a role below `atLeast`.
 */
export async function requireConceptRole({
  db,
  userId,
  conceptId,
  atLeast,
}: {
  db: Queryable;
  userId: string | null | undefined;
  conceptId: string;
  atLeast: ConceptRole;
}): Promise<ConceptRole> {
  if (!userId) throw new AppError("unauthorized:session");
  if (!isUuid(conceptId)) throw new AppError("not_found:concept");
  const role = await getConceptRole({ db, userId, conceptId });
  if (role && roleAtLeast(role, atLeast)) return role;
  if (!role) {
    const [exists] = await db
      .select({ id: concepts.id })
      .from(concepts)
      .where(eq(concepts.id, conceptId));
    if (!exists) throw new AppError("not_found:concept");
  }
  throw new AppError("forbidden:concept");
}
