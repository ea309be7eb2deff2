import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";
import { customers } from "./customers";

export type AutomationType = "general" | "appointment_reminder" | "payment_request" | "review_request";

/** Audience rule tree (AUTO-6): rules are ANDed, each rule's sub-rules ORed. */
export type AudienceCondition = {
  category: "appointment" | "customer" | "message_received" | "event";
  attribute: string;
  operator: string;
  value?: AudienceValue;
};
/**
 * A rule's value, by operator (lib/automations/rules/schema.ts checks it): text -> string,
 * number -> number, between -> [min, max], dates on/before/after -> "YYYY-MM-DD", N days ->
 * number, before/after_subject -> { amount, unit }, collection -> string[], unknown/known -> none.
 */
export type AudienceValue =
  | string
  | number
  | string[]
  | number[]
  | { amount: number; unit: "minutes" | "hours" | "days" }
  | null;
export type AudienceRules = { all: { any: AudienceCondition[] }[] };

export type AppointmentReplyAction = "confirm_appointment" | "cancel_appointment" | "reschedule_appointment";

/** A keyword-triggered response (AUTO-5); earlier in the list wins when several match. */
export type KeywordResponse = {
  id: string;
  /** Each keyword with its variants ("Oui", "Yes", "OK"…), matched on whole words. */
  keywords: string[];
  reply?: string | null;
  /** Who receives the replies that matched; null = the automation's fallback user. */
  assignToUserId?: string | null;
  action?: AppointmentReplyAction | null;
};

/**
 * What counts as "the same trigger" (AUTO-7): once per appointment (its start time is part
 * of the key, so a rescheduled appointment triggers again), once per event, once per
 * customer, or again every `repeatAfterDays`.
 */
export type TriggerScope = "appointment" | "event" | "customer" | "customer_repeat";

/** Type-specific settings: the payment request's amount, the review request's channel. */
export type AutomationSettings = {
  /** Payment request: a fixed amount, or the event attribute (key) holding it. */
  paymentAmountCents?: number | null;
  paymentAmountAttribute?: string | null;
  paymentDescription?: string | null;
};

export type AutomationStatus = "draft" | "active" | "paused" | "archived";
export type AutomationResultStatus = "pending" | "sent" | "skipped" | "failed";
/** Why a matching customer was not texted (shown in results and the dry run). */
export type AutomationSkipReason =
  | "opted_out"
  | "unsubscribed_general"
  | "unsubscribed_marketing"
  | "no_mobile"
  | "quiet_hours"
  | "already_texted"
  | "empty_message"
  | "template_error"
  | "customer_not_found"
  | "payment_unavailable";
export type ReplyClassification = "confirm" | "cancel" | "reschedule" | "question" | "other";

export const automations = pgTable(
  "automations",
  {
    id: id(),
    companyId: companyRef(),
    name: text().notNull(),
    type: text().$type<AutomationType>().notNull().default("general"),
    status: text().$type<AutomationStatus>().notNull().default("draft"),
    rules: jsonb().$type<AudienceRules>().notNull().default({ all: [] }),
    messageBody: text().notNull().default(""),
    marketing: boolean().notNull().default(false),
    keywordResponses: jsonb().$type<KeywordResponse[]>().notNull().default([]),
    fallbackUserId: uuid(),
    fallbackReply: text(),
    sentimentEnabled: boolean().notNull().default(false),
    sentimentScale: integer(),
    negativeNotifyUserIds: jsonb().$type<string[]>().notNull().default([]),
    schedule: text().$type<"daily" | "realtime">().notNull().default("daily"),
    dailyAt: text().notNull().default("09:00"),
    /** Near real time: re-check who matches every this many minutes. */
    realtimeEveryMinutes: integer().notNull().default(5),
    triggerScope: text().$type<TriggerScope>().notNull().default("customer"),
    repeatAfterDays: integer(),
    settings: jsonb().$type<AutomationSettings>().notNull().default({}),
    /** With Anthropic configured: classify replies no keyword matched (AUTO "beyond keywords"). */
    aiReplies: boolean().notNull().default(false),
    /** Replies are attributed to the latest result sent to the customer within this window. */
    replyWindowDays: integer().notNull().default(7),
    templateKey: text(),
    activatedAt: at(),
    lastRunAt: at(),
    archivedAt: at(),
    createdByUserId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("automations_company_status_idx").on(t.companyId, t.status),
    // The sweep looks for active automations across companies.
    index("automations_active_idx").on(t.status, t.lastRunAt),
  ],
);

export const automationRuns = pgTable(
  "automation_runs",
  {
    id: id(),
    companyId: companyRef(),
    automationId: uuid()
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    status: text().$type<"running" | "completed" | "failed">().notNull().default("running"),
    matchedCount: integer().notNull().default(0),
    sentCount: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    startedAt: createdAt(),
    finishedAt: at(),
  },
  (t) => [index("automation_runs_automation_idx").on(t.automationId, t.startedAt)],
);

/** One row per customer per trigger: the unique key stops a second message (AUTO-7). */
export const automationResults = pgTable(
  "automation_results",
  {
    id: id(),
    companyId: companyRef(),
    automationId: uuid()
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    runId: uuid(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    triggerKey: text().notNull(),
    /** The appointment or event this result is about (null for customer-scoped triggers). */
    appointmentId: uuid(),
    eventId: uuid(),
    status: text().$type<AutomationResultStatus>().notNull().default("pending"),
    skipReason: text().$type<AutomationSkipReason>(),
    messageId: uuid(),
    /** The carrier's error code/text when the send failed. */
    error: text(),
    sentAt: at(),
    replyMessageId: uuid(),
    repliedAt: at(),
    /** The keyword response that matched (KeywordResponse.id), or null. */
    matchedResponseId: text(),
    classification: text().$type<ReplyClassification>(),
    /** One-line summary of a reply (AI), shown to the replies user. */
    replySummary: text(),
    sentiment: text().$type<"positive" | "negative" | "neutral">(),
    score: integer(),
    /** The appointment status the reply led to. */
    appointmentStatus: text(),
    /** Set while a worker sends it; a stale claim is picked up again (after a crash). */
    claimedAt: at(),
    /** The reply's effects (keyword answer, appointment, notifications) are all done. */
    replyHandledAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("automation_results_trigger_idx").on(t.automationId, t.customerId, t.triggerKey),
    index("automation_results_automation_idx").on(t.automationId, t.createdAt),
    // Reply attribution: the latest result sent to this customer.
    index("automation_results_customer_sent_idx").on(t.companyId, t.customerId, t.sentAt),
    index("automation_results_company_sent_idx").on(t.companyId, t.sentAt).where(sql`${t.sentAt} is not null`),
    index("automation_results_pending_idx").on(t.status, t.createdAt),
    // The reply sweep: sent results still waiting for a reply, and replies not yet handled.
    index("automation_results_awaiting_reply_idx")
      .on(t.sentAt)
      .where(sql`${t.status} = 'sent' and ${t.replyMessageId} is null`),
    index("automation_results_reply_unhandled_idx")
      .on(t.repliedAt)
      .where(sql`${t.replyMessageId} is not null and ${t.replyHandledAt} is null`),
  ],
);
