CREATE TABLE "transaction_branches" (
	"transaction_id" uuid NOT NULL,
	"service" text NOT NULL,
	"operation" text NOT NULL,
	"step" integer NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"prepared" jsonb,
	"prepared_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "transaction_branches_transaction_id_service_pk" PRIMARY KEY("transaction_id","service")
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow" text NOT NULL,
	"state" text NOT NULL,
	"initiator" text,
	"deadline" timestamp with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_error" text,
	"result" jsonb
);
--> statement-breakpoint
ALTER TABLE "transaction_branches" ADD CONSTRAINT "transaction_branches_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transactions_state_idx" ON "transactions" USING btree ("state");--> statement-breakpoint
CREATE INDEX "transactions_created_idx" ON "transactions" USING btree ("created_at","id");