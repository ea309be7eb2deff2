ALTER TABLE "notifications" ADD COLUMN "web" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_status" text;--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("user_id","company_id") WHERE "notifications"."email_status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_emailed_idx" ON "notifications" USING btree ("user_id","company_id","emailed_at");