DROP INDEX "customer_events_number_trgm_idx";--> statement-breakpoint
DROP INDEX "appointments_type_trgm_idx";--> statement-breakpoint
DROP INDEX "messages_body_trgm_idx";--> statement-breakpoint
CREATE INDEX "customer_events_number_trgm_idx" ON "customer_events" USING gin (parley_fold("number") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "appointments_type_trgm_idx" ON "appointments" USING gin (parley_fold("type") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "messages_body_trgm_idx" ON "messages" USING gin (parley_fold("body") gin_trgm_ops);