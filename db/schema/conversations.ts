import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";
import { customers } from "./customers";
import { users } from "./users";

export type ConversationStatus = "open" | "closed";

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    status: text().$type<ConversationStatus>().notNull().default("open"),
    /** An older conversation kept on a merged profile (CONV-15); never the active one. */
    archived: boolean().notNull().default(false),
    assigneeUserId: uuid(),
    assigneeTeamId: uuid(),
    /** Newest message or event: the inbox sort key. */
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastInboundAt: at(),
    lastOutboundAt: at(),
    lastMessagePreview: text(),
    lastMessageDirection: text().$type<"inbound" | "outbound">(),
    /** When the assignee (or, for a team, any member) last read it (CONV-9). */
    assigneeReadAt: at(),
    closedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("conversations_active_customer_idx")
      .on(t.customerId)
      .where(sql`${t.archived} = false`),
    index("conversations_inbox_idx").on(t.companyId, t.status, t.lastActivityAt, t.id),
    index("conversations_activity_idx").on(t.companyId, t.lastActivityAt, t.id).where(sql`${t.archived} = false`),
    // The Unanswered and Unread filters, kept small: only the rows they can match.
    index("conversations_unanswered_idx")
      .on(t.companyId, t.status, t.lastActivityAt, t.id)
      .where(sql`(${t.lastInboundAt} is not null and (${t.lastOutboundAt} is null or ${t.lastOutboundAt} < ${t.lastInboundAt}))`),
    index("conversations_unread_idx")
      .on(t.companyId, t.status, t.lastActivityAt, t.id)
      .where(sql`(${t.lastInboundAt} is not null and (${t.assigneeReadAt} is null or ${t.assigneeReadAt} < ${t.lastInboundAt}))`),
    index("conversations_inbox_user_idx").on(
      t.companyId,
      t.assigneeUserId,
      t.status,
      t.lastActivityAt,
      t.id,
    ),
    index("conversations_inbox_team_idx").on(
      t.companyId,
      t.assigneeTeamId,
      t.status,
      t.lastActivityAt,
      t.id,
    ),
  ],
);

/** Per-user read marks; the assignee's is mirrored on the conversation. */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    companyId: uuid().notNull(),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);

export const assignmentEvents = pgTable(
  "assignment_events",
  {
    id: id(),
    companyId: companyRef(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    toUserId: uuid(),
    toTeamId: uuid(),
    fromUserId: uuid(),
    fromTeamId: uuid(),
    /** null when the system assigned it (default rule, away delegation). */
    byUserId: uuid(),
    reason: text().$type<"manual" | "bulk" | "default_rule" | "away_delegate" | "automation">(),
    createdAt: createdAt(),
  },
  (t) => [index("assignment_events_conversation_idx").on(t.conversationId, t.createdAt)],
);

export type MessageDirection = "inbound" | "outbound";
export type MessageStatus = "queued" | "sent" | "delivered" | "failed" | "received";
export type MessageSourceKind =
  | "manual"
  | "automation"
  | "campaign"
  | "scheduled"
  | "keyword_reply"
  | "system"
  | "customer";

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
    index("messages_company_created_idx").on(t.companyId, t.createdAt),
    index("messages_customer_idx").on(t.customerId, t.createdAt),
    uniqueIndex("messages_provider_id_idx")
      .on(t.provider, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    index("messages_source_idx").on(t.sourceKind, t.sourceId),
    index("messages_body_fts_idx").using("gin", sql`to_tsvector('simple', ${t.body})`),
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

export type FileOwner = "message" | "note" | "event";

export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid(),
    messageId: uuid(),
    noteId: uuid(),
    eventId: uuid(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    storageKey: text().notNull(),
    /** Unguessable token of the public link sent to customers. */
    publicToken: text().notNull(),
    uploadedByUserId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("attachments_token_idx").on(t.publicToken),
    index("attachments_message_idx").on(t.messageId),
    index("attachments_note_idx").on(t.noteId),
    index("attachments_customer_idx").on(t.customerId, t.createdAt),
  ],
);

export type Mentions = { userIds: string[]; teamIds: string[] };

export const notes = pgTable(
  "notes",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** null for a note on the customer profile. */
    conversationId: uuid(),
    automationResultId: uuid(),
    authorUserId: uuid(),
    body: text().notNull(),
    mentions: jsonb().$type<Mentions>().notNull().default({ userIds: [], teamIds: [] }),
    replyToNoteId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    index("notes_conversation_idx").on(t.conversationId, t.createdAt),
    index("notes_customer_idx").on(t.customerId, t.createdAt),
  ],
);

export const savedReplies = pgTable(
  "saved_replies",
  {
    id: id(),
    companyId: companyRef(),
    title: text().notNull(),
    body: text().notNull(),
    createdByUserId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("saved_replies_company_title_idx").on(t.companyId, t.title)],
);

export type ScheduledMessageStatus = "pending" | "sending" | "sent" | "cancelled" | "failed";

export const scheduledMessages = pgTable(
  "scheduled_messages",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    authorUserId: uuid(),
    body: text().notNull(),
    sendAt: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<ScheduledMessageStatus>().notNull().default("pending"),
    /** Bumped on every edit so a sleeping job for an older version does nothing. */
    version: integer().notNull().default(1),
    attachmentIds: jsonb().$type<string[]>().notNull().default([]),
    paymentRequestId: uuid(),
    reviewRequestId: uuid(),
    messageId: uuid(),
    failureReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("scheduled_messages_due_idx").on(t.status, t.sendAt),
    index("scheduled_messages_customer_idx").on(t.customerId, t.status),
  ],
);
