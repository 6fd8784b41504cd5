/**
 * The guests of a workshop (people who joined through an invite link), for its moderators: who
 * is on the board, and removing someone. A removed guest keeps their row (their cards keep their
 * author), but their cookie and sync tokens no longer open anything (lib/sync/doc-access.ts), and
 * the sync server is told to re-check open connections.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { isUuid } from "@/lib/auth/access";
import type { Db } from "@/lib/db/client";
import { guests, invites } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { accessChanged } from "@/lib/sync/access-events";
import { requireWorkshopModerator } from "./invites";

export interface WorkshopGuest {
  id: string;
  displayName: string;
  organisationKind: (typeof guests.$inferSelect)["organisationKind"];
  role: (typeof guests.$inferSelect)["role"];
  inviteId: string;
  /** Whether the link they came through still lets new people in (not revoked or expired). */
  inviteActive: boolean;
  joinedAt: Date;
}

/** The workshop's guests who have not been removed, in the order they joined; moderators only. */
export async function listGuests({
  db,
  userId,
  workshopId,
  now = new Date(),
}: {
  db: Db;
  userId: string | undefined;
  workshopId: string;
  now?: Date;
}): Promise<WorkshopGuest[]> {
  await requireWorkshopModerator(db, userId, workshopId);
  const rows = await db
    .select({
      id: guests.id,
      displayName: guests.displayName,
      organisationKind: guests.organisationKind,
      role: guests.role,
      inviteId: guests.inviteId,
      revokedAt: invites.revokedAt,
      expiresAt: invites.expiresAt,
      joinedAt: guests.createdAt,
    })
    .from(guests)
    .innerJoin(invites, eq(invites.id, guests.inviteId))
    .where(and(eq(guests.workshopId, workshopId), isNull(guests.removedAt)))
    .orderBy(asc(guests.createdAt), asc(guests.id));
  return rows.map(({ revokedAt, expiresAt, ...guest }) => ({
    ...guest,
    inviteActive: !revokedAt && expiresAt > now,
  }));
}

/**
 * Removes a guest from the workshop; moderators only. 404 for an unknown or already removed
 * guest, or one of another workshop.
 */
export async function removeGuest({
  db,
  userId,
  workshopId,
  guestId,
  now = new Date(),
}: {
  db: Db;
  userId: string | undefined;
  workshopId: string;
  guestId: string;
  now?: Date;
}): Promise<void> {
  const conceptId = await requireWorkshopModerator(db, userId, workshopId);
  if (!isUuid(guestId)) throw new AppError("not_found:guest");
  const removed = await db
    .update(guests)
    .set({ removedAt: now })
    .where(and(eq(guests.id, guestId), eq(guests.workshopId, workshopId), isNull(guests.removedAt)))
    .returning({ id: guests.id });
  if (removed.length === 0) throw new AppError("not_found:guest");
  accessChanged(conceptId);
}
