import { and, asc, eq, ne, sql } from "drizzle-orm";
import { requireConceptRole } from "@/lib/auth/access";
import type { ConceptCommand } from "@/lib/concept/concept-command";
import type { Queryable } from "@/lib/db/client";
import { conceptMembers, users, type ConceptRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/forms/parse-input";
import { memberRoleSchema, memberSchema } from "./schemas";
import { accessChanged } from "@/lib/sync/access-events";

export async function listMembers({ db, conceptId }: { db: Queryable; conceptId: string }) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: conceptMembers.role })
    .from(conceptMembers)
    .innerJoin(users, eq(users.id, conceptMembers.userId))
    .where(eq(conceptMembers.conceptId, conceptId))
    .orderBy(asc(users.name));
}

/** Adds an existing account to the concept. Accounts are not created here. */
export async function addMember({ db, userId, conceptId, input }: ConceptCommand): Promise<void> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const data = parseInput(memberSchema, input);
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${data.email}`);
  if (!account) {
    throw new AppError("bad_request:member", { fields: { email: "unknown_account" } });
  }
  const inserted = await db
    .insert(conceptMembers)
    .values({ conceptId, userId: account.id, role: data.role })
    .onConflictDoNothing()
    .returning({ userId: conceptMembers.userId });
  if (inserted.length === 0) {
    throw new AppError("bad_request:member", { fields: { email: "already_member" } });
  }
}

async function assertAnotherModerator(tx: Queryable, conceptId: string, memberId: string) {
  const others = await tx
    .select({ userId: conceptMembers.userId })
    .from(conceptMembers)
    .where(
      and(
        eq(conceptMembers.conceptId, conceptId),
        eq(conceptMembers.role, "moderator"),
        ne(conceptMembers.userId, memberId),
      ),
    )
    .for("update");
  if (others.length === 0) {
    throw new AppError("conflict:last_moderator", { fields: { role: "last_moderator" } });
  }
}

/** Changes a member's role. A concept always keeps at least one moderator. */
export async function changeMemberRole({
  db,
  userId,
  conceptId,
  input,
}: ConceptCommand): Promise<void> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const data = parseInput(memberRoleSchema, input);
  await db.transaction(async (tx) => {
    if (data.role !== "moderator") await assertAnotherModerator(tx, conceptId, data.userId);
    const updated = await tx
      .update(conceptMembers)
      .set({ role: data.role as ConceptRole })
      .where(and(eq(conceptMembers.conceptId, conceptId), eq(conceptMembers.userId, data.userId)))
      .returning({ userId: conceptMembers.userId });
    if (updated.length === 0) throw new AppError("not_found:member");
  });
  accessChanged(conceptId);
}

export async function removeMember({
  db,
  userId,
  conceptId,
  input,
}: ConceptCommand): Promise<void> {
  await requireConceptRole({ db, userId, conceptId, atLeast: "moderator" });
  const { userId: target } = parseInput(memberRoleSchema.pick({ userId: true }), input);
  await db.transaction(async (tx) => {
    await assertAnotherModerator(tx, conceptId, target);
    const removed = await tx
      .delete(conceptMembers)
      .where(and(eq(conceptMembers.conceptId, conceptId), eq(conceptMembers.userId, target)))
      .returning({ userId: conceptMembers.userId });
    if (removed.length === 0) throw new AppError("not_found:member");
  });
  accessChanged(conceptId);
}
