CREATE TYPE "public"."amendment_status" AS ENUM('submitted', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."chapter_kind" AS ENUM('mission', 'context', 'process', 'field');--> statement-breakpoint
CREATE TYPE "public"."chapter_status" AS ENUM('draft', 'in_review', 'final');--> statement-breakpoint
CREATE TYPE "public"."concept_role" AS ENUM('moderator', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."concept_status" AS ENUM('draft', 'in_deliberation', 'adopted', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."concept_type" AS ENUM('framework_plan', 'integration_concept', 'action_plan');--> statement-breakpoint
CREATE TYPE "public"."deliberation_role" AS ENUM('preliminary', 'decision', 'information');--> statement-breakpoint
CREATE TYPE "public"."guest_role" AS ENUM('participant', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."measure_priority" AS ENUM('A', 'B', 'C', 'quick_win');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('existing', 'new', 'planned', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('administration', 'political_group', 'migrant_council', 'migrant_organisation', 'welfare_association', 'employment_agency', 'chamber_business', 'school_authority', 'university', 'volunteers', 'other');--> statement-breakpoint
CREATE TYPE "public"."responsibility_role" AS ENUM('lead', 'partner', 'involved');--> statement-breakpoint
CREATE TYPE "public"."workshop_kind" AS ENUM('workshop', 'working_group', 'network_meeting', 'integration_conference', 'steering_group');--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"deliberation_id" uuid,
	"target" text NOT NULL,
	"old_text" text DEFAULT '' NOT NULL,
	"new_text" text NOT NULL,
	"submitter" text NOT NULL,
	"status" "amendment_status" DEFAULT 'submitted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chapter_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chapter_id" uuid NOT NULL,
	"user_id" uuid,
	"guest_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chapter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chapter_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"yjs_state" "bytea" NOT NULL,
	"html" text NOT NULL,
	"frozen_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chapters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"field_id" uuid,
	"kind" "chapter_kind" NOT NULL,
	"title" text NOT NULL,
	"status" "chapter_status" DEFAULT 'draft' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concept_members" (
	"concept_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "concept_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_members_concept_id_user_id_pk" PRIMARY KEY("concept_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "concepts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"type" "concept_type" NOT NULL,
	"status" "concept_status" DEFAULT 'draft' NOT NULL,
	"town_id" uuid,
	"predecessor_id" uuid,
	"mission_statement" text DEFAULT '' NOT NULL,
	"review_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"committee" text NOT NULL,
	"date" date NOT NULL,
	"agenda_item" text DEFAULT '' NOT NULL,
	"role" "deliberation_role" NOT NULL,
	"vote_result" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_snapshots" (
	"doc_name" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"last_update_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"doc_name" text NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"strategic_goal" text DEFAULT '' NOT NULL,
	"prioritised_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_links" (
	"from_goal_id" uuid NOT NULL,
	"to_goal_id" uuid NOT NULL,
	CONSTRAINT "goal_links_from_goal_id_to_goal_id_pk" PRIMARY KEY("from_goal_id","to_goal_id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"field_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"priority" integer,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"invite_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"organisation_kind" "organisation_kind",
	"role" "guest_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"cycle" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"definition" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"data_owner_id" uuid,
	"baseline" text DEFAULT '' NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"breakdown" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"role" "guest_role" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"start_year" integer,
	"timeframe" text DEFAULT '' NOT NULL,
	"review_rule" text DEFAULT '' NOT NULL,
	"status" "measure_status" DEFAULT 'new' NOT NULL,
	"priority" "measure_priority",
	"cost_note" text DEFAULT '' NOT NULL,
	"needs_budget_decision" boolean DEFAULT false NOT NULL,
	"source_workshop_id" uuid,
	"source_card_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vote_count" integer,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" "organisation_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibilities" (
	"measure_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "responsibility_role" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "responsibilities_measure_id_organisation_id_pk" PRIMARY KEY("measure_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"author_id" uuid,
	"message" text NOT NULL,
	"source_workshop_id" uuid,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"can_create_concepts" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_fields" (
	"workshop_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	CONSTRAINT "workshop_fields_workshop_id_field_id_pk" PRIMARY KEY("workshop_id","field_id")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "workshop_kind" NOT NULL,
	"date" date NOT NULL,
	"facilitator" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_signoffs" ADD CONSTRAINT "chapter_signoffs_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_signoffs" ADD CONSTRAINT "chapter_signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_signoffs" ADD CONSTRAINT "chapter_signoffs_guest_id_guests_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."guests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_versions" ADD CONSTRAINT "chapter_versions_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_versions" ADD CONSTRAINT "chapter_versions_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_field_id_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_members" ADD CONSTRAINT "concept_members_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_members" ADD CONSTRAINT "concept_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concepts" ADD CONSTRAINT "concepts_town_id_organisations_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concepts" ADD CONSTRAINT "concepts_predecessor_id_concepts_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fields" ADD CONSTRAINT "fields_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_links" ADD CONSTRAINT "goal_links_from_goal_id_goals_id_fk" FOREIGN KEY ("from_goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_links" ADD CONSTRAINT "goal_links_to_goal_id_goals_id_fk" FOREIGN KEY ("to_goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_field_id_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guests" ADD CONSTRAINT "guests_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guests" ADD CONSTRAINT "guests_invite_id_invites_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."invites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_data_owner_id_organisations_id_fk" FOREIGN KEY ("data_owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_source_workshop_id_workshops_id_fk" FOREIGN KEY ("source_workshop_id") REFERENCES "public"."workshops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_source_workshop_id_workshops_id_fk" FOREIGN KEY ("source_workshop_id") REFERENCES "public"."workshops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_fields" ADD CONSTRAINT "workshop_fields_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_fields" ADD CONSTRAINT "workshop_fields_field_id_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_concept_idx" ON "amendments" USING btree ("concept_id");--> statement-breakpoint
CREATE INDEX "amendments_deliberation_idx" ON "amendments" USING btree ("deliberation_id");--> statement-breakpoint
CREATE INDEX "chapter_signoffs_chapter_idx" ON "chapter_signoffs" USING btree ("chapter_id");--> statement-breakpoint
CREATE INDEX "chapter_signoffs_user_idx" ON "chapter_signoffs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "chapter_signoffs_guest_idx" ON "chapter_signoffs" USING btree ("guest_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chapter_versions_chapter_version_unique" ON "chapter_versions" USING btree ("chapter_id","version");--> statement-breakpoint
CREATE INDEX "chapter_versions_frozen_by_idx" ON "chapter_versions" USING btree ("frozen_by");--> statement-breakpoint
CREATE INDEX "chapters_concept_idx" ON "chapters" USING btree ("concept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chapters_field_unique" ON "chapters" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "concept_members_user_idx" ON "concept_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "concepts_town_idx" ON "concepts" USING btree ("town_id");--> statement-breakpoint
CREATE INDEX "concepts_predecessor_idx" ON "concepts" USING btree ("predecessor_id");--> statement-breakpoint
CREATE INDEX "deliberations_concept_idx" ON "deliberations" USING btree ("concept_id");--> statement-breakpoint
CREATE INDEX "doc_updates_doc_idx" ON "doc_updates" USING btree ("doc_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "fields_concept_number_unique" ON "fields" USING btree ("concept_id","number");--> statement-breakpoint
CREATE INDEX "goal_links_to_idx" ON "goal_links" USING btree ("to_goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_field_number_unique" ON "goals" USING btree ("field_id","number");--> statement-breakpoint
CREATE INDEX "guests_workshop_idx" ON "guests" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "guests_invite_idx" ON "guests" USING btree ("invite_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_cycle_unique" ON "indicator_values" USING btree ("indicator_id","cycle");--> statement-breakpoint
CREATE INDEX "indicators_measure_idx" ON "indicators" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "indicators_data_owner_idx" ON "indicators" USING btree ("data_owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invites_token_hash_unique" ON "invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invites_workshop_idx" ON "invites" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "invites_created_by_idx" ON "invites" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_goal_number_unique" ON "measures" USING btree ("goal_id","number");--> statement-breakpoint
CREATE INDEX "measures_source_workshop_idx" ON "measures" USING btree ("source_workshop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_name_unique" ON "organisations" USING btree ("name");--> statement-breakpoint
CREATE INDEX "responsibilities_organisation_idx" ON "responsibilities" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revisions_concept_number_unique" ON "revisions" USING btree ("concept_id","number");--> statement-breakpoint
CREATE INDEX "revisions_author_idx" ON "revisions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "revisions_source_workshop_idx" ON "revisions" USING btree ("source_workshop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "workshop_fields_field_idx" ON "workshop_fields" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "workshops_concept_idx" ON "workshops" USING btree ("concept_id");