CREATE TABLE "roll_seeds" (
	"character_id" uuid PRIMARY KEY NOT NULL,
	"nonce" integer NOT NULL,
	"seed" text NOT NULL,
	"commitment" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roll_seeds_nonce_non_negative" CHECK ("roll_seeds"."nonce" >= 0)
);
