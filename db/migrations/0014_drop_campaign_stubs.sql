DROP TABLE "campaign_recipients" CASCADE;--> statement-breakpoint
DROP TABLE "campaigns" CASCADE;