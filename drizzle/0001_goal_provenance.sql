ALTER TABLE "goals" ADD COLUMN "source_workshop_id" uuid;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "source_card_id" text;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_source_workshop_id_workshops_id_fk" FOREIGN KEY ("source_workshop_id") REFERENCES "public"."workshops"("id") ON DELETE set null ON UPDATE no action;