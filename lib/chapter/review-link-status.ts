import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { chapterReviews, chapters, concepts, reviewLinks } from "@/lib/db/schema";
import { hashToken } from "@/lib/workshop/invites";

export type ReviewLinkStatus =
  | { state: "valid"; chapterTitle: string; conceptTitle: string }
  | { state: "expired" | "revoked" | "closed" | "unknown" };

/**
 * What a review link's page shows before anyone types: the chapter it is about, or why the link
 * admits nobody (expired, revoked, its round ended, or no such link). Joining checks again
 * (joinReview), so this only words the page; it grants nothing.
 */
export async function reviewLinkStatus({
  db,
  token,
  now = new Date(),
}: {
  db: Queryable;
  token: string;
  now?: Date;
}): Promise<ReviewLinkStatus> {
  const [link] = await db
    .select({
      expiresAt: reviewLinks.expiresAt,
      revokedAt: reviewLinks.revokedAt,
      closedAt: chapterReviews.closedAt,
      chapterTitle: chapters.title,
      conceptTitle: concepts.title,
    })
    .from(reviewLinks)
    .innerJoin(chapterReviews, eq(chapterReviews.id, reviewLinks.reviewId))
    .innerJoin(chapters, eq(chapters.id, chapterReviews.chapterId))
    .innerJoin(concepts, eq(concepts.id, chapters.conceptId))
    .where(eq(reviewLinks.tokenHash, hashToken(token)));
  if (!link) return { state: "unknown" };
  if (link.revokedAt) return { state: "revoked" };
  if (link.expiresAt <= now) return { state: "expired" };
  if (link.closedAt) return { state: "closed" };
  return { state: "valid", chapterTitle: link.chapterTitle, conceptTitle: link.conceptTitle };
}
