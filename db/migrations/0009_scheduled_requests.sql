ALTER TABLE "scheduled_messages" ADD COLUMN "kind" text DEFAULT 'message' NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "amount_cents" integer;--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "scheduled_messages" ADD COLUMN "dismissed_at" timestamp with time zone;