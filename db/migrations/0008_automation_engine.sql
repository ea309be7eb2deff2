ALTER TABLE "automation_results" ADD COLUMN "appointment_id" uuid;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "skip_reason" text;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "matched_response_id" text;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "classification" text;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "reply_summary" text;--> statement-breakpoint
ALTER TABLE "automation_results" ADD COLUMN "appointment_status" text;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "realtime_every_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "trigger_scope" text DEFAULT 'customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "repeat_after_days" integer;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "ai_replies" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "reply_window_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "automation_results_customer_sent_idx" ON "automation_results" USING btree ("company_id","customer_id","sent_at");--> statement-breakpoint
CREATE INDEX "automation_results_pending_idx" ON "automation_results" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "automations_active_idx" ON "automations" USING btree ("status","last_run_at");