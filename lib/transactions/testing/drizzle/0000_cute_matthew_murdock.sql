CREATE TABLE "tx_test_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tx_branches" (
	"transaction_id" uuid PRIMARY KEY NOT NULL,
	"operation" text,
	"state" text NOT NULL,
	"payload" jsonb,
	"prepared" jsonb,
	"actor" text,
	"deadline" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tx_reservations" (
	"resource" text PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tx_branches_state_deadline_idx" ON "tx_branches" USING btree ("state","deadline");--> statement-breakpoint
CREATE INDEX "tx_reservations_transaction_idx" ON "tx_reservations" USING btree ("transaction_id");