/**
 * The JSON shapes of the check-back (Rücksprache) API as the browser reads them: the round a
 * moderator started (GET …/chapters/<id>/check-back) and the reviewer's view of it
 * (GET /api/reviews/<reviewId>). Kept free of server imports so client components can use them.
 */

export const reviewDecisions = ["approved", "changes_requested"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export interface CheckBackReviewer {
  id: string;
  name: string;
  organisation: string | null;
  kind: "member" | "link";
  decision: ReviewDecision | null;
  decidedAt: string | null;
  /** The comment given with the decision (required with "changes_requested"). */
  decisionComment: string | null;
}

export interface CheckBackLink {
  id: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface CheckBackRound {
  reviewId: string;
  version: number;
  reviewers: CheckBackReviewer[];
  links: CheckBackLink[];
  createdAt: string;
  /** Set when the round ended: a newer round started, or the chapter was finalised. */
  closedAt: string | null;
}

export interface CreatedReviewLink {
  id: string;
  url: string;
  expiresAt: string;
}

export interface StartedCheckBack {
  reviewId: string;
  version: number;
  link?: CreatedReviewLink;
}

export interface ReviewComment {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ReviewThread {
  id: string;
  status: "open" | "resolved";
  quote: string;
  detached: boolean;
  reviewId: string | null;
  createdAt: string;
  comments: ReviewComment[];
}

export interface ReviewView {
  concept: { id: string; name: string };
  chapter: { id: string; title: string };
  version: { version: number; html: string; json: unknown };
  me: {
    reviewerId: string;
    name: string;
    decision: ReviewDecision | null;
    decisionComment: string | null;
  };
  threads: ReviewThread[];
  /** The round is over (a newer round started, or the chapter is final); reading still works. */
  closed: boolean;
}

/** A member the moderator can ask for feedback (concept members, as the members page lists them). */
export interface ReviewerCandidate {
  userId: string;
  name: string;
  role: "moderator" | "editor" | "viewer";
}
