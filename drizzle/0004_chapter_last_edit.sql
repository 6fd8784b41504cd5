ALTER TABLE "chapter_reviewers" ADD COLUMN "decision_comment" text;--> statement-breakpoint
ALTER TABLE "chapters" ADD COLUMN "last_edited_by" uuid;--> statement-breakpoint
ALTER TABLE "chapters" ADD COLUMN "last_edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_last_edited_by_users_id_fk" FOREIGN KEY ("last_edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chapters_last_edited_by_idx" ON "chapters" USING btree ("last_edited_by");