ALTER TABLE "inbound_message_parts" DROP CONSTRAINT "inbound_message_parts_to_number_from_number_reference_part_number_pk";--> statement-breakpoint
ALTER TABLE "inbound_message_parts" ADD PRIMARY KEY ("provider_message_id");--> statement-breakpoint
ALTER TABLE "inbound_message_parts" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_message_parts" ADD COLUMN "joined_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "inbound_message_parts_waiting_idx" ON "inbound_message_parts" USING btree ("to_number","from_number","reference","total_parts","created_at") WHERE "inbound_message_parts"."joined_at" is null;--> statement-breakpoint
-- Sets joined before this migration were never cleared: mark them joined, so the timeout sweep only turns sets that never completed into (incomplete) messages.
UPDATE "inbound_message_parts" p SET "joined_at" = p."created_at", "text" = ''
FROM (
  SELECT "to_number", "from_number", "reference" FROM "inbound_message_parts"
  GROUP BY "to_number", "from_number", "reference"
  HAVING count(DISTINCT "part_number") >= max("total_parts")
) complete
WHERE p."to_number" = complete."to_number" AND p."from_number" = complete."from_number" AND p."reference" = complete."reference";
