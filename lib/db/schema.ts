/**
 * The one drizzle schema of the concept store (DESIGN.md §2) plus the tables the sync server
 * persists Yjs documents in. Every foreign key has an index; uniqueness is a constraint.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import {
  measurePriorities,
  measureStatuses,
  guestRoles,
  organisationKinds,
  responsibilityRoles,
} from "@/lib/domain-values";

/** Binary column for Yjs updates and snapshots; both drivers hand back a Uint8Array (or Buffer). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const organisationKind = pgEnum("organisation_kind", organisationKinds);
export const conceptType = pgEnum("concept_type", [
  "framework_plan",
  "integration_concept",
  "action_plan",
]);
export const conceptStatus = pgEnum("concept_status", [
  "draft",
  "in_deliberation",
  "adopted",
  "superseded",
]);
export const conceptRole = pgEnum("concept_role", ["moderator", "editor", "viewer"]);
export const measureStatus = pgEnum("measure_status", measureStatuses);
export const measurePriority = pgEnum("measure_priority", measurePriorities);
export const responsibilityRole = pgEnum("responsibility_role", responsibilityRoles);
export const workshopKind = pgEnum("workshop_kind", [
  "workshop",
  "working_group",
  "network_meeting",
  "integration_conference",
  "steering_group",
]);
export const guestRole = pgEnum("guest_role", guestRoles);
export const chapterKind = pgEnum("chapter_kind", ["mission", "context", "process", "field"]);
export const chapterStatus = pgEnum("chapter_status", ["draft", "in_review", "final"]);
/** check_back and final are frozen by a moderator; draft keeps content a restore replaced. */
export const chapterVersionKind = pgEnum("chapter_version_kind", ["check_back", "final", "draft"]);
export const commentThreadStatus = pgEnum("comment_thread_status", ["open", "resolved"]);
export const reviewDecision = pgEnum("review_decision", ["approved", "changes_requested"]);
export const deliberationRole = pgEnum("deliberation_role", [
  "preliminary",
  "decision",
  "information",
]);
export const amendmentStatus = pgEnum("amendment_status", [
  "submitted",
  "accepted",
  "rejected",
  "withdrawn",
]);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** bcrypt hash; null for accounts that only sign in through OIDC. */
    passwordHash: text("password_hash"),
    /** Staff of a coordination office may open new concepts; everyone else is invited. */
    canCreateConcepts: boolean("can_create_concepts").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`)],
);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: organisationKind("kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organisations_name_unique").on(t.name)],
);

export const concepts = pgTable(
  "concepts",
  {
    id: id(),
    title: text("title").notNull(),
    type: conceptType("type").notNull(),
    status: conceptStatus("status").notNull().default("draft"),
    /** The town (an organisation of kind administration) whose concept this is. */
    townId: uuid("town_id").references(() => organisations.id),
    predecessorId: uuid("predecessor_id").references((): AnyPgColumn => concepts.id),
    missionStatement: text("mission_statement").notNull().default(""),
    reviewDate: date("review_date"),
    createdAt: createdAt(),
  },
  (t) => [
    index("concepts_town_idx").on(t.townId),
    index("concepts_predecessor_idx").on(t.predecessorId),
  ],
);

export const conceptMembers = pgTable(
  "concept_members",
  {
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: conceptRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.conceptId, t.userId] }),
    index("concept_members_user_idx").on(t.userId),
  ],
);

export const fields = pgTable(
  "fields",
  {
    id: id(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    strategicGoal: text("strategic_goal").notNull().default(""),
    prioritisedUntil: date("prioritised_until"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("fields_concept_number_unique").on(t.conceptId, t.number)],
);

export const goals = pgTable(
  "goals",
  {
    id: id(),
    fieldId: uuid("field_id")
      .notNull()
      .references(() => fields.id, { onDelete: "cascade" }),
    /** The n in "field.n"; stays stable when other goals are retired. */
    number: integer("number").notNull(),
    text: text("text").notNull(),
    priority: integer("priority"),
    /** Provenance: the workshop and board card this goal was committed from, if any. */
    sourceWorkshopId: uuid("source_workshop_id").references(() => workshops.id, {
      onDelete: "set null",
    }),
    sourceCardId: text("source_card_id"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("goals_field_number_unique").on(t.fieldId, t.number)],
);

export const goalLinks = pgTable(
  "goal_links",
  {
    fromGoalId: uuid("from_goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    toGoalId: uuid("to_goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.fromGoalId, t.toGoalId] }),
    index("goal_links_to_idx").on(t.toGoalId),
  ],
);

export const workshops = pgTable(
  "workshops",
  {
    id: id(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: workshopKind("kind").notNull(),
    date: date("date").notNull(),
    facilitator: text("facilitator").notNull(),
    location: text("location").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("workshops_concept_idx").on(t.conceptId)],
);

export const workshopFields = pgTable(
  "workshop_fields",
  {
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    fieldId: uuid("field_id")
      .notNull()
      .references(() => fields.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.workshopId, t.fieldId] }),
    index("workshop_fields_field_idx").on(t.fieldId),
  ],
);

export const measures = pgTable(
  "measures",
  {
    id: id(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    /** Position within its goal, shown as "2.4.1"; stable like goal numbers. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    steps: jsonb("steps").$type<string[]>().notNull().default([]),
    target: text("target").notNull().default(""),
    startYear: integer("start_year"),
    timeframe: text("timeframe").notNull().default(""),
    reviewRule: text("review_rule").notNull().default(""),
    status: measureStatus("status").notNull().default("new"),
    priority: measurePriority("priority"),
    costNote: text("cost_note").notNull().default(""),
    needsBudgetDecision: boolean("needs_budget_decision").notNull().default(false),
    sourceWorkshopId: uuid("source_workshop_id").references(() => workshops.id, {
      onDelete: "set null",
    }),
    sourceCardIds: jsonb("source_card_ids").$type<string[]>().notNull().default([]),
    voteCount: integer("vote_count"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("measures_goal_number_unique").on(t.goalId, t.number),
    index("measures_source_workshop_idx").on(t.sourceWorkshopId),
  ],
);

export const responsibilities = pgTable(
  "responsibilities",
  {
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: responsibilityRole("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.organisationId] }),
    index("responsibilities_organisation_idx").on(t.organisationId),
  ],
);

export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    definition: text("definition").notNull(),
    unit: text("unit").notNull().default(""),
    dataOwnerId: uuid("data_owner_id").references(() => organisations.id),
    baseline: text("baseline").notNull().default(""),
    target: text("target").notNull().default(""),
    breakdown: text("breakdown").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("indicators_measure_idx").on(t.measureId),
    index("indicators_data_owner_idx").on(t.dataOwnerId),
  ],
);

export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: id(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    /** Monitoring cycle, e.g. "2024". */
    cycle: text("cycle").notNull(),
    value: text("value").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("indicator_values_cycle_unique").on(t.indicatorId, t.cycle)],
);

export const revisions = pgTable(
  "revisions",
  {
    id: id(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    message: text("message").notNull(),
    sourceWorkshopId: uuid("source_workshop_id").references(() => workshops.id, {
      onDelete: "set null",
    }),
    /** The concept's full structured content after this revision; diffs compare two of these. */
    content: jsonb("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("revisions_concept_number_unique").on(t.conceptId, t.number),
    index("revisions_author_idx").on(t.authorId),
    index("revisions_source_workshop_idx").on(t.sourceWorkshopId),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: id(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    /** SHA-256 of the secret in the link; the secret itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    role: guestRole("role").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invites_token_hash_unique").on(t.tokenHash),
    index("invites_workshop_idx").on(t.workshopId),
    index("invites_created_by_idx").on(t.createdBy),
  ],
);

export const guests = pgTable(
  "guests",
  {
    id: id(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    inviteId: uuid("invite_id")
      .notNull()
      .references(() => invites.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    organisationKind: organisationKind("organisation_kind"),
    role: guestRole("role").notNull(),
    /** Set when a moderator removed the guest: their cookie and tokens no longer open anything. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("guests_workshop_idx").on(t.workshopId), index("guests_invite_idx").on(t.inviteId)],
);

export const chapters = pgTable(
  "chapters",
  {
    id: id(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    fieldId: uuid("field_id").references(() => fields.id, { onDelete: "cascade" }),
    kind: chapterKind("kind").notNull(),
    title: text("title").notNull(),
    status: chapterStatus("status").notNull().default("draft"),
    position: integer("position").notNull().default(0),
    /** Who last wrote to the chapter's document, and when (recorded by the sync server, throttled). */
    lastEditedBy: uuid("last_edited_by").references(() => users.id, { onDelete: "set null" }),
    lastEditedAt: timestamp("last_edited_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("chapters_concept_idx").on(t.conceptId),
    uniqueIndex("chapters_field_unique").on(t.fieldId),
    index("chapters_last_edited_by_idx").on(t.lastEditedBy),
  ],
);

export const chapterVersions = pgTable(
  "chapter_versions",
  {
    id: id(),
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => chapters.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: chapterVersionKind("kind").notNull().default("final"),
    yjsState: bytea("yjs_state").notNull(),
    /** The ProseMirror document (comment marks removed). */
    json: jsonb("json").notNull().default({}),
    html: text("html").notNull(),
    text: text("text").notNull().default(""),
    /** The concept store revision embedded goals and measures are shown as of. */
    revision: integer("revision"),
    frozenBy: uuid("frozen_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("chapter_versions_chapter_version_unique").on(t.chapterId, t.version),
    index("chapter_versions_frozen_by_idx").on(t.frozenBy),
  ],
);

/**
 * A check-back round (Rücksprache): the frozen version its reviewers read, sign off or ask to
 * change. A new round starts from a new version; starting one closes the previous round.
 */
export const chapterReviews = pgTable(
  "chapter_reviews",
  {
    id: id(),
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => chapters.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => chapterVersions.id, { onDelete: "cascade" }),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("chapter_reviews_chapter_idx").on(t.chapterId),
    index("chapter_reviews_version_idx").on(t.versionId),
    index("chapter_reviews_started_by_idx").on(t.startedBy),
  ],
);

/** A review link for working-group participants without an account (like an invite link). */
export const reviewLinks = pgTable(
  "review_links",
  {
    id: id(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => chapterReviews.id, { onDelete: "cascade" }),
    /** SHA-256 of the secret in the link; the secret itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("review_links_token_hash_unique").on(t.tokenHash),
    index("review_links_review_idx").on(t.reviewId),
    index("review_links_created_by_idx").on(t.createdBy),
  ],
);

/**
 * A reviewer of a check-back round: a concept member the moderator picked, or a person who
 * joined through a review link with a name and organisation. Their answer is the decision.
 */
export const chapterReviewers = pgTable(
  "chapter_reviewers",
  {
    id: id(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => chapterReviews.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    linkId: uuid("link_id").references(() => reviewLinks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    organisation: text("organisation"),
    decision: reviewDecision("decision"),
    /** Why the reviewer asked for changes (required then), or a note to a sign-off. */
    decisionComment: text("decision_comment"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("chapter_reviewers_review_idx").on(t.reviewId),
    index("chapter_reviewers_user_idx").on(t.userId),
    index("chapter_reviewers_link_idx").on(t.linkId),
    uniqueIndex("chapter_reviewers_review_user_unique").on(t.reviewId, t.userId),
  ],
);

/**
 * A comment thread on a chapter. Its anchor is a `comment` mark in the chapter's document whose
 * only attribute is this id; the quote is the text it was started on (shown when detached).
 */
export const commentThreads = pgTable(
  "comment_threads",
  {
    id: id(),
    chapterId: uuid("chapter_id")
      .notNull()
      .references(() => chapters.id, { onDelete: "cascade" }),
    quote: text("quote").notNull(),
    status: commentThreadStatus("status").notNull().default("open"),
    /** Set when a reviewer started it on the version under check-back. */
    reviewId: uuid("review_id").references(() => chapterReviews.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("comment_threads_chapter_idx").on(t.chapterId),
    index("comment_threads_review_idx").on(t.reviewId),
    index("comment_threads_resolved_by_idx").on(t.resolvedBy),
  ],
);

/** A comment in a thread (the first one opens it); by a member or by a reviewer. */
export const comments = pgTable(
  "comments",
  {
    id: id(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    reviewerId: uuid("reviewer_id").references(() => chapterReviewers.id, {
      onDelete: "set null",
    }),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_thread_idx").on(t.threadId),
    index("comments_user_idx").on(t.userId),
    index("comments_reviewer_idx").on(t.reviewerId),
  ],
);

export const deliberations = pgTable(
  "deliberations",
  {
    id: id(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    committee: text("committee").notNull(),
    date: date("date").notNull(),
    agendaItem: text("agenda_item").notNull().default(""),
    role: deliberationRole("role").notNull(),
    voteResult: text("vote_result").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("deliberations_concept_idx").on(t.conceptId)],
);

export const amendments = pgTable(
  "amendments",
  {
    id: id(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    deliberationId: uuid("deliberation_id").references(() => deliberations.id, {
      onDelete: "set null",
    }),
    /** What the amendment changes, e.g. "Maßnahme 2.4.1" or "Kapitel Leitbild". */
    target: text("target").notNull(),
    oldText: text("old_text").notNull().default(""),
    newText: text("new_text").notNull(),
    submitter: text("submitter").notNull(),
    status: amendmentStatus("status").notNull().default("submitted"),
    createdAt: createdAt(),
  },
  (t) => [
    index("amendments_concept_idx").on(t.conceptId),
    index("amendments_deliberation_idx").on(t.deliberationId),
  ],
);

/**
 * The council paper (Vorlage) of a concept, one per concept: its parts as one JSON document,
 * validated with `councilPaperSchema` (lib/council-paper/schema.ts) on every write.
 */
export const councilPapers = pgTable(
  "council_papers",
  {
    conceptId: uuid("concept_id")
      .primaryKey()
      .references(() => concepts.id, { onDelete: "cascade" }),
    paper: jsonb("paper").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("council_papers_updated_by_idx").on(t.updatedBy)],
);

/** Append-only log of Yjs updates per document; compacted into `docSnapshots`. */
export const docUpdates = pgTable(
  "doc_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    docName: text("doc_name").notNull(),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("doc_updates_doc_idx").on(t.docName, t.id)],
);

export const docSnapshots = pgTable("doc_snapshots", {
  docName: text("doc_name").primaryKey(),
  state: bytea("state").notNull(),
  /** The highest `docUpdates.id` folded into `state`. */
  lastUpdateId: bigint("last_update_id", { mode: "number" }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type OrganisationKind = (typeof organisationKind.enumValues)[number];
export type Concept = typeof concepts.$inferSelect;
export type ConceptType = (typeof conceptType.enumValues)[number];
export type ConceptStatus = (typeof conceptStatus.enumValues)[number];
export type ConceptRole = (typeof conceptRole.enumValues)[number];
export type Field = typeof fields.$inferSelect;
export type Goal = typeof goals.$inferSelect;
export type Measure = typeof measures.$inferSelect;
export type MeasureStatus = (typeof measureStatus.enumValues)[number];
export type MeasurePriority = (typeof measurePriority.enumValues)[number];
export type Responsibility = typeof responsibilities.$inferSelect;
export type ResponsibilityRole = (typeof responsibilityRole.enumValues)[number];
export type Workshop = typeof workshops.$inferSelect;
export type WorkshopKind = (typeof workshopKind.enumValues)[number];
export type Revision = typeof revisions.$inferSelect;
