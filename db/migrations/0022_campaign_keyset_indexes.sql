DROP INDEX "campaigns_company_created_idx";--> statement-breakpoint
CREATE INDEX "campaign_recipients_campaign_created_id_idx" ON "campaign_recipients" USING btree ("campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_company_created_id_idx" ON "campaigns" USING btree ("company_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);