import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";

/** Provider event ids already applied: a repeated webhook changes nothing. */
export const processedWebhooks = pgTable(
  "processed_webhooks",
  {
    provider: text().notNull(),
    eventId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** A file an outbox email carried: its bytes are in file storage under `storageKey`. */
export type OutboxAttachment = { fileName: string; contentType: string; sizeBytes: number; storageKey: string };

/** Mail kept locally when no SMTP server is configured (read at /dev/outbox). */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: id(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    attachments: jsonb().$type<OutboxAttachment[]>().notNull().default([]),
    /** Extra headers as sent (e.g. List-Unsubscribe), so the outbox shows what a mail client would see. */
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_emails_created_idx").on(t.createdAt)],
);

/** Heartbeat of background sweeps, for /api/health and the engine badge. */
export const sweepRuns = pgTable("sweep_runs", {
  name: text().primaryKey(),
  lastRunAt: at().notNull(),
  lastResult: jsonb().$type<Record<string, unknown>>(),
});

/** Keys the server generated for itself and shares across its processes (the VAPID pair when unset). */
export const instanceKeys = pgTable("instance_keys", {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});
