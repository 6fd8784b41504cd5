import crypto from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { isUuid, requireConceptRole } from "@/lib/auth/access";
import { GUEST_TOKEN_PURPOSE, type GuestClaims } from "@/lib/auth/principal";
import { signToken } from "@/lib/auth/signed-token";
import type { Db } from "@/lib/db/client";
import { guestRole, guests, invites, organisationKind, workshops } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { numberInput, parseInput } from "@/lib/forms/parse-input";
import { accessChanged } from "@/lib/sync/access-events";

export const GUEST_SESSION_TTL_SECONDS = 24 * 60 * 60;

export const inviteSchema = z.object({
  role: z.enum(guestRole.enumValues),
  expiresInHours: numberInput(
    z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
  ),
});

/** Options of revoking a link, e.g. from the query `?removeGuests=true`. */
export const revokeOptionsSchema = z.object({
  removeGuests: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .default(false),
});

export const joinSchema = z.object({
  displayName: z.string().trim().min(1).max(80),
  organisationKind: z
    .enum(organisationKind.enumValues)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** The stored form of a link secret (invite or review link): only its SHA-256. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A new secret for a link; shown once, stored only as its hash. */
export function newLinkToken(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/** The workshop's concept id, after checking the user moderates it. */
export async function requireWorkshopModerator(
  db: Db,
  userId: string | undefined,
  workshopId: string,
): Promise<string> {
  // Anonymous callers learn nothing about which workshops exist.
  if (!userId) throw new AppError("unauthorized:session");
  if (!isUuid(workshopId)) throw new AppError("not_found:workshop");
  const [workshop] = await db
    .select({ conceptId: workshops.conceptId })
    .from(workshops)
    .where(eq(workshops.id, workshopId));
  if (!workshop) throw new AppError("not_found:workshop");
  await requireConceptRole({ db, userId, conceptId: workshop.conceptId, atLeast: "moderator" });
  return workshop.conceptId;
}

/** Invites of a workshop that still work (not revoked, not expired); moderators only. */
export async function listInvites({
  db,
  userId,
  workshopId,
  now = new Date(),
}: {
  db: Db;
  userId: string | undefined;
  workshopId: string;
  now?: Date;
}) {
  await requireWorkshopModerator(db, userId, workshopId);
  return db
    .select({
      id: invites.id,
      role: invites.role,
      expiresAt: invites.expiresAt,
      createdAt: invites.createdAt,
      /** How many guests joined through the link, so the list tells links apart. */
      guestsJoined: sql<number>`count(${guests.id})::int`,
    })
    .from(invites)
    .leftJoin(guests, eq(guests.inviteId, invites.id))
    .where(
      and(
        eq(invites.workshopId, workshopId),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
    )
    .groupBy(invites.id)
    .orderBy(desc(invites.createdAt));
}

/**
 * Revokes an invite: its link stops working. Guests who joined through it keep their place,
 * unless the option `removeGuests` is set: then they are removed too (as removeGuest does), in the same
 * transaction, and open connections are re-checked. Returns how many guests were removed.
 */
export async function revokeInvite({
  db,
  userId,
  workshopId,
  inviteId,
  options = {},
  now = new Date(),
}: {
  db: Db;
  userId: string | undefined;
  workshopId: string;
  inviteId: string;
  /** Raw options, validated here (revokeOptionsSchema). */
  options?: unknown;
  now?: Date;
}): Promise<{ removedGuests: number }> {
  const conceptId = await requireWorkshopModerator(db, userId, workshopId);
  const { removeGuests } = parseInput(revokeOptionsSchema, options);
  if (!isUuid(inviteId)) throw new AppError("not_found:invite");
  const removed = await db.transaction(async (tx) => {
    const revoked = await tx
      .update(invites)
      .set({ revokedAt: now })
      .where(and(eq(invites.id, inviteId), eq(invites.workshopId, workshopId)))
      .returning({ id: invites.id });
    if (revoked.length === 0) throw new AppError("not_found:invite");
    if (!removeGuests) return 0;
    const rows = await tx
      .update(guests)
      .set({ removedAt: now })
      .where(and(eq(guests.inviteId, inviteId), isNull(guests.removedAt)))
      .returning({ id: guests.id });
    return rows.length;
  });
  if (removed > 0) accessChanged(conceptId);
  return { removedGuests: removed };
}

/** The workshop an invite link leads to, if the link still works. */
export async function findValidInvite({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string;
  now?: Date;
}) {
  const [invite] = await db
    .select({ workshopId: invites.workshopId, role: invites.role, title: workshops.title })
    .from(invites)
    .innerJoin(workshops, eq(workshops.id, invites.workshopId))
    .where(
      and(
        eq(invites.tokenHash, hashToken(token)),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
    );
  return invite;
}

/**
 * Creates an invite link secret for one workshop; moderators only. Only its hash is stored, so
 * the link is shown once.
 */
export async function createInvite({
  db,
  userId,
  workshopId,
  input,
  now = new Date(),
}: {
  db: Db;
  userId: string | undefined;
  workshopId: string;
  input: unknown;
  now?: Date;
}): Promise<{ inviteId: string; token: string; expiresAt: Date }> {
  await requireWorkshopModerator(db, userId, workshopId);
  const data = parseInput(inviteSchema, input);
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + data.expiresInHours * 3600_000);
  const [invite] = await db
    .insert(invites)
    .values({
      workshopId,
      tokenHash: hashToken(token),
      role: data.role,
      expiresAt,
      createdBy: userId ?? null,
    })
    .returning({ id: invites.id });
  if (!invite) throw new AppError("internal:invite");
  return { inviteId: invite.id, token, expiresAt };
}

/**
 * A person opens an invite link and gives a display name: they become a guest of that one
 * workshop, with the invite's role. Returns the signed guest-session token for the cookie.
 */
export async function joinWorkshop({
  db,
  token,
  input,
  now = new Date(),
}: {
  db: Db;
  token: string;
  input: unknown;
  now?: Date;
}): Promise<{ guestId: string; workshopId: string; sessionToken: string }> {
  const data = parseInput(joinSchema, input);
  const [invite] = await db
    .select()
    .from(invites)
    .where(
      and(
        eq(invites.tokenHash, hashToken(token)),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
    );
  if (!invite) throw new AppError("not_found:invite");
  const [guest] = await db
    .insert(guests)
    .values({
      workshopId: invite.workshopId,
      inviteId: invite.id,
      displayName: data.displayName,
      organisationKind: data.organisationKind ?? null,
      role: invite.role,
    })
    .returning({ id: guests.id });
  if (!guest) throw new AppError("internal:guest");
  const claims: GuestClaims = { gid: guest.id, wid: invite.workshopId, role: invite.role };
  const sessionToken = await signToken({
    purpose: GUEST_TOKEN_PURPOSE,
    claims: { ...claims },
    ttlSeconds: GUEST_SESSION_TTL_SECONDS,
    now,
  });
  return { guestId: guest.id, workshopId: invite.workshopId, sessionToken };
}
