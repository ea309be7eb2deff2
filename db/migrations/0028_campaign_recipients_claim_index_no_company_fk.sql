ALTER TABLE "campaign_recipients" DROP CONSTRAINT "campaign_recipients_company_id_companies_id_fk";
--> statement-breakpoint
DROP INDEX "campaign_recipients_pending_idx";--> statement-breakpoint
CREATE INDEX "campaign_recipients_claim_idx" ON "campaign_recipients" USING btree ("campaign_id","created_at","id") WHERE "campaign_recipients"."status" = 'pending';