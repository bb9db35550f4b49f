CREATE TABLE "characters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" text NOT NULL,
	"name" text NOT NULL,
	"race" text NOT NULL,
	"class" text NOT NULL,
	"subclass" text,
	"background" text,
	"alignment" text,
	"strength" integer NOT NULL,
	"dexterity" integer NOT NULL,
	"constitution" integer NOT NULL,
	"intelligence" integer NOT NULL,
	"wisdom" integer NOT NULL,
	"charisma" integer NOT NULL,
	"ability_bonus_choices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"experience" integer DEFAULT 0 NOT NULL,
	"hit_point_rolls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"current_hit_points" integer NOT NULL,
	"temporary_hit_points" integer DEFAULT 0 NOT NULL,
	"skill_proficiencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inventory" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"backstory" text,
	"portrait_image_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "characters_ability_scores_range" CHECK ("characters"."strength" BETWEEN 1 AND 30 AND "characters"."dexterity" BETWEEN 1 AND 30 AND "characters"."constitution" BETWEEN 1 AND 30 AND "characters"."intelligence" BETWEEN 1 AND 30 AND "characters"."wisdom" BETWEEN 1 AND 30 AND "characters"."charisma" BETWEEN 1 AND 30),
	CONSTRAINT "characters_experience_non_negative" CHECK ("characters"."experience" >= 0),
	CONSTRAINT "characters_hit_points_non_negative" CHECK ("characters"."current_hit_points" >= 0 AND "characters"."temporary_hit_points" >= 0)
);
--> statement-breakpoint
CREATE INDEX "characters_created_at_id_idx" ON "characters" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "characters_owner_created_at_id_idx" ON "characters" USING btree ("owner","created_at","id");