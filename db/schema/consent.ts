import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { conversations } from "./conversations";
import { messages } from "./messaging";
import { customers } from "./customers";

export type ConsentKind = "opt_out" | "opt_in";
/** `all` is the customer's own STOP/START (customers.opted_out_at); the others are the CUST-4 subscriptions. */
export type ConsentScope = "all" | "general" | "marketing";
export type ConsentSource = "sms_keyword" | "staff" | "import" | "api";

/**
 * Every opt-in and opt-out, when and how: the proof CASL and the TCPA ask a sender to
 * keep. Rows are never updated; message and staff ids are kept as plain ids so that
 * the proof outlives a deleted message or user.
 */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text().$type<ConsentKind>().notNull(),
    scope: text().$type<ConsentScope>().notNull(),
    source: text().$type<ConsentSource>().notNull(),
    /** The customer's words ("STOP svp"), cut to a short excerpt. */
    keyword: text(),
    messageId: uuid(),
    staffUserId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    index("consent_events_company_customer_created_idx").on(t.companyId, t.customerId, t.createdAt),
    index("consent_events_company_opt_out_idx").on(t.companyId, t.createdAt).where(sql`${t.kind} = 'opt_out'`),
  ],
);

export type OptOutFlagResolution = "unsubscribed" | "dismissed";

/**
 * An inbound text that may be an opt-out request ("stop calling me at work"): shown to
 * staff in the thread until someone unsubscribes the customer or dismisses it.
 */
export const optOutFlags = pgTable(
  "opt_out_flags",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    messageId: uuid()
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    /** The customer's words, kept as proof if staff unsubscribe them. */
    excerpt: text().notNull(),
    /** The language of the stop word, for the confirmation if staff unsubscribe. */
    language: text().$type<"en" | "fr">().notNull(),
    createdAt: createdAt(),
    resolvedAt: at(),
    resolution: text().$type<OptOutFlagResolution>(),
    resolvedByUserId: uuid(),
  },
  (t) => [
    // A retried inbound message flags once.
    uniqueIndex("opt_out_flags_message_idx").on(t.messageId),
    index("opt_out_flags_open_idx").on(t.companyId, t.conversationId).where(sql`${t.resolvedAt} is null`),
  ],
);
