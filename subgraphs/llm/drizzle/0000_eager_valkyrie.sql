CREATE TABLE "generations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"prompt" text,
	"context" jsonb NOT NULL,
	"character_id" uuid,
	"campaign_id" uuid,
	"text" text NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"seed" integer NOT NULL,
	"max_tokens" integer NOT NULL,
	"finish_reason" text,
	"prompt_tokens" integer NOT NULL,
	"completion_tokens" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "generations_kind_check" CHECK ("generations"."kind" in ('BACKSTORY', 'PLOT_HOOK', 'NPC_DESCRIPTION', 'LOCATION_DESCRIPTION', 'FREEFORM')),
	CONSTRAINT "generations_status_check" CHECK ("generations"."status" in ('COMPLETED', 'FAILED')),
	CONSTRAINT "generations_finish_reason_check" CHECK ("generations"."finish_reason" is null or "generations"."finish_reason" in ('stop', 'length')),
	CONSTRAINT "generations_tokens_check" CHECK ("generations"."prompt_tokens" >= 0 and "generations"."completion_tokens" >= 0)
);
--> statement-breakpoint
CREATE INDEX "generations_user_created_idx" ON "generations" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "generations_character_user_created_idx" ON "generations" USING btree ("character_id","user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);