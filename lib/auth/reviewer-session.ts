/**
 * The session of a check-back reviewer who joined through a review link (no account): a signed
 * token in the `kw-reviewer` cookie naming the reviewer and their round. It opens only that
 * round's review pages and API, nothing else (no concept page, no real-time document).
 */
import { signToken, verifyToken } from "./signed-token";

export const REVIEWER_COOKIE = "kw-reviewer";
const PURPOSE = "reviewer-session";
export const REVIEWER_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface ReviewerClaims {
  reviewerId: string;
  reviewId: string;
}

export function signReviewerSession({
  claims,
  now,
}: {
  claims: ReviewerClaims;
  now?: Date;
}): Promise<string> {
  return signToken({
    purpose: PURPOSE,
    claims: { rvr: claims.reviewerId, rev: claims.reviewId },
    ttlSeconds: REVIEWER_SESSION_TTL_SECONDS,
    now,
  });
}

/** The reviewer a cookie names, or null for a missing, forged or expired one. */
export async function readReviewerSession(
  token: string | undefined,
): Promise<ReviewerClaims | null> {
  if (!token) return null;
  const claims = await verifyToken<{ rvr?: unknown; rev?: unknown }>(PURPOSE, token);
  if (typeof claims?.rvr !== "string" || typeof claims.rev !== "string") return null;
  return { reviewerId: claims.rvr, reviewId: claims.rev };
}
