import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { chapterReviewers, chapterReviews } from "@/lib/db/schema";

/**
 * The open check-back round of a chapter that this member was asked to review, so the chapter
 * page can lead them to it; null when none. Access to the round is checked again by its API.
 */
export async function openReviewOfMember({
  db,
  chapterId,
  userId,
}: {
  db: Queryable;
  chapterId: string;
  userId: string;
}): Promise<{ reviewId: string; answered: boolean } | null> {
  const [row] = await db
    .select({ reviewId: chapterReviews.id, decision: chapterReviewers.decision })
    .from(chapterReviews)
    .innerJoin(chapterReviewers, eq(chapterReviewers.reviewId, chapterReviews.id))
    .where(
      and(
        eq(chapterReviews.chapterId, chapterId),
        isNull(chapterReviews.closedAt),
        eq(chapterReviewers.userId, userId),
      ),
    )
    .limit(1);
  return row ? { reviewId: row.reviewId, answered: row.decision !== null } : null;
}
