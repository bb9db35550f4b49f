CREATE TABLE "generation_images" (
	"generation_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"png" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"revised_prompt" text,
	CONSTRAINT "generation_images_generation_id_index_pk" PRIMARY KEY("generation_id","index"),
	CONSTRAINT "generation_images_size_check" CHECK ("generation_images"."width" > 0 and "generation_images"."height" > 0)
);
--> statement-breakpoint
ALTER TABLE "generations" DROP CONSTRAINT "generations_status_check";--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "type" text DEFAULT 'TEXT' NOT NULL;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "error_message" text;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "error_retry_after" real;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "fallbacks" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "cost_usd" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "first_token_ms" integer;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "cancel_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "generations" ADD COLUMN "instance_id" text;--> statement-breakpoint
ALTER TABLE "generation_images" ADD CONSTRAINT "generation_images_generation_id_generations_id_fk" FOREIGN KEY ("generation_id") REFERENCES "generations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "generations_user_provider_created_idx" ON "generations" USING btree ("user_id","provider","created_at");--> statement-breakpoint
CREATE INDEX "generations_running_instance_idx" ON "generations" USING btree ("instance_id") WHERE "generations"."status" = 'RUNNING';--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_type_check" CHECK ("generations"."type" in ('TEXT', 'IMAGE'));--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_cost_check" CHECK ("generations"."cost_usd" >= 0);--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_status_check" CHECK ("generations"."status" in ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'));