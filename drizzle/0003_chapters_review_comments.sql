CREATE TYPE "public"."chapter_version_kind" AS ENUM('check_back', 'final', 'draft');--> statement-breakpoint
CREATE TYPE "public"."comment_thread_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('approved', 'changes_requested');--> statement-breakpoint
CREATE TABLE "chapter_reviewers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"user_id" uuid,
	"link_id" uuid,
	"name" text NOT NULL,
	"organisation" text,
	"decision" "review_decision",
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chapter_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chapter_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"started_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chapter_id" uuid NOT NULL,
	"quote" text NOT NULL,
	"status" "comment_thread_status" DEFAULT 'open' NOT NULL,
	"review_id" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"user_id" uuid,
	"reviewer_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chapter_versions" ADD COLUMN "kind" "chapter_version_kind" DEFAULT 'final' NOT NULL;--> statement-breakpoint
ALTER TABLE "chapter_versions" ADD COLUMN "json" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "chapter_versions" ADD COLUMN "text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "chapter_versions" ADD COLUMN "revision" integer;--> statement-breakpoint
ALTER TABLE "chapter_reviewers" ADD CONSTRAINT "chapter_reviewers_review_id_chapter_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."chapter_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_reviewers" ADD CONSTRAINT "chapter_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_reviewers" ADD CONSTRAINT "chapter_reviewers_link_id_review_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."review_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_reviews" ADD CONSTRAINT "chapter_reviews_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_reviews" ADD CONSTRAINT "chapter_reviews_version_id_chapter_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."chapter_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapter_reviews" ADD CONSTRAINT "chapter_reviews_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_review_id_chapter_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."chapter_reviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_thread_id_comment_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comment_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_reviewer_id_chapter_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."chapter_reviewers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_review_id_chapter_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."chapter_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chapter_reviewers_review_idx" ON "chapter_reviewers" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "chapter_reviewers_user_idx" ON "chapter_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "chapter_reviewers_link_idx" ON "chapter_reviewers" USING btree ("link_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chapter_reviewers_review_user_unique" ON "chapter_reviewers" USING btree ("review_id","user_id");--> statement-breakpoint
CREATE INDEX "chapter_reviews_chapter_idx" ON "chapter_reviews" USING btree ("chapter_id");--> statement-breakpoint
CREATE INDEX "chapter_reviews_version_idx" ON "chapter_reviews" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "chapter_reviews_started_by_idx" ON "chapter_reviews" USING btree ("started_by");--> statement-breakpoint
CREATE INDEX "comment_threads_chapter_idx" ON "comment_threads" USING btree ("chapter_id");--> statement-breakpoint
CREATE INDEX "comment_threads_review_idx" ON "comment_threads" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "comment_threads_resolved_by_idx" ON "comment_threads" USING btree ("resolved_by");--> statement-breakpoint
CREATE INDEX "comments_thread_idx" ON "comments" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "comments_user_idx" ON "comments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comments_reviewer_idx" ON "comments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_links_token_hash_unique" ON "review_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "review_links_review_idx" ON "review_links" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_links_created_by_idx" ON "review_links" USING btree ("created_by");
--> statement-breakpoint
DROP TABLE "chapter_signoffs" CASCADE;
