import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { conversations } from "./conversations";
import { customers } from "./customers";

export type MessageDirection = "inbound" | "outbound";
export type MessageStatus = "queued" | "sent" | "delivered" | "failed" | "received";
export type MessageSourceKind =
  | "manual"
  | "automation"
  | "automation_test"
  | "campaign"
  | "scheduled"
  | "keyword_reply"
  | "system"
  | "customer"
  | "api";

export const messages = pgTable(
  "messages",
  {
    id: id(),
    companyId: companyRef(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    direction: text().$type<MessageDirection>().notNull(),
    /** What the customer sees (or sent). */
    body: text().notNull(),
    /** The author's text before translation (EDIT-12). */
    originalBody: text(),
    originalLanguage: text(),
    /** On-demand translation of an inbound message (EDIT-13). */
    translatedBody: text(),
    translatedLanguage: text(),
    sourceKind: text().$type<MessageSourceKind>().notNull(),
    sourceId: uuid(),
    senderUserId: uuid(),
    status: text().$type<MessageStatus>().notNull(),
    provider: text().$type<"vonage" | "local">(),
    providerMessageId: text(),
    errorCode: text(),
    errorText: text(),
    segments: integer().notNull().default(1),
    encoding: text().$type<"GSM-7" | "UCS-2">().notNull().default("GSM-7"),
    fromNumber: text(),
    toNumber: text(),
    marketing: boolean().notNull().default(false),
    sentAt: at(),
    deliveredAt: at(),
    statusUpdatedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt, t.id),
    // Covering: a period's counts and waits (reports) read it alone, without visiting the table.
    index("messages_company_created_idx").on(t.companyId, t.createdAt, t.direction, t.conversationId, t.senderUserId, t.id),
    index("messages_customer_idx").on(t.customerId, t.createdAt),
    // The reply sweeps' backstop reads the last days' inbound texts across companies.
    index("messages_inbound_created_idx").on(t.createdAt).where(sql`${t.direction} = 'inbound'`),
    uniqueIndex("messages_provider_id_idx")
      .on(t.provider, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    index("messages_source_idx").on(t.sourceKind, t.sourceId),
    // A campaign recipient gets one text at most: its id is the message's idempotency key (a batch inserts ON CONFLICT DO NOTHING).
    uniqueIndex("messages_campaign_source_idx")
      .on(t.sourceId)
      .where(sql`${t.sourceKind} = 'campaign'`),
    index("messages_body_fts_idx").using("gin", sql`to_tsvector('simple', ${t.body})`),
    // Audience rules "message received contains …" (AUTO-6); not partial, so the planner keeps statistics on lower(body).
    index("messages_body_trgm_idx").using("gin", sql`parley_fold(${t.body}) gin_trgm_ops`),
  ],
);

/**
 * Inbound SMS as received, stored by the webhook before it answers (one INSERT,
 * idempotent on the provider's id) and turned into a conversation message right after.
 */
export const inboundSms = pgTable(
  "inbound_sms",
  {
    id: id(),
    provider: text().$type<"vonage" | "local">().notNull(),
    providerMessageId: text().notNull(),
    fromNumber: text().notNull(),
    toNumber: text().notNull(),
    text: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
    /** Set while a worker handles it; a stale claim is picked up again. */
    claimedAt: at(),
    attempts: integer().notNull().default(0),
    processedAt: at(),
    messageId: uuid(),
    outcome: text(),
    lastError: text(),
  },
  (t) => [
    uniqueIndex("inbound_sms_provider_id_idx").on(t.provider, t.providerMessageId),
    index("inbound_sms_pending_idx").on(t.createdAt).where(sql`${t.processedAt} is null`),
  ],
);

/**
 * Parts of a multipart legacy SMS API inbound, joined once all have arrived (or, after a
 * timeout, into what arrived). Keyed by the part's own provider id: the 8-bit concat
 * reference repeats across messages. A joined part keeps its row, emptied, so a late
 * retry of it is recognised as a duplicate.
 */
export const inboundMessageParts = pgTable(
  "inbound_message_parts",
  {
    toNumber: text().notNull(),
    fromNumber: text().notNull(),
    reference: text().notNull(),
    partNumber: integer().notNull(),
    totalParts: integer().notNull(),
    providerMessageId: text().primaryKey(),
    text: text().notNull(),
    receivedAt: at(),
    createdAt: createdAt(),
    joinedAt: at(),
  },
  (t) => [
    index("inbound_message_parts_waiting_idx")
      .on(t.toNumber, t.fromNumber, t.reference, t.totalParts, t.createdAt)
      .where(sql`${t.joinedAt} is null`),
  ],
);
