ALTER TABLE "images" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "visibility" text DEFAULT 'PUBLIC' NOT NULL;--> statement-breakpoint
CREATE INDEX "images_campaign_created_idx" ON "images" USING btree ("campaign_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);