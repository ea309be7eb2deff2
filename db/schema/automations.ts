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
  value?: string | number | string[] | null;
};
export type AudienceRules = { all: { any: AudienceCondition[] }[] };

export type KeywordResponse = {
  keywords: string[];
  reply?: string;
  assignToUserId?: string | null;
  action?: "confirm_appointment" | "cancel_appointment" | "reschedule_appointment" | null;
};

export const automations = pgTable(
  "automations",
  {
    id: id(),
    companyId: companyRef(),
    name: text().notNull(),
    type: text().$type<AutomationType>().notNull().default("general"),
    status: text().$type<"draft" | "active" | "paused">().notNull().default("draft"),
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
    templateKey: text(),
    activatedAt: at(),
    lastRunAt: at(),
    createdByUserId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("automations_company_status_idx").on(t.companyId, t.status)],
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
    status: text().$type<"pending" | "sent" | "skipped" | "failed">().notNull().default("pending"),
    messageId: uuid(),
    error: text(),
    replyMessageId: uuid(),
    sentiment: text().$type<"positive" | "negative" | "neutral">(),
    score: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("automation_results_trigger_idx").on(t.automationId, t.customerId, t.triggerKey),
    index("automation_results_automation_idx").on(t.automationId, t.createdAt),
  ],
);

/** One-off bulk messages (IMPL-1). */
export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    companyId: companyRef(),
    name: text().notNull(),
    rules: jsonb().$type<AudienceRules>().notNull().default({ all: [] }),
    messageBody: text().notNull(),
    marketing: boolean().notNull().default(true),
    status: text()
      .$type<"draft" | "scheduled" | "sending" | "completed" | "cancelled">()
      .notNull()
      .default("draft"),
    scheduledAt: at(),
    recipientCount: integer().notNull().default(0),
    sentCount: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    createdByUserId: uuid(),
    completedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index("campaigns_company_idx").on(t.companyId, t.createdAt)],
);

export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    id: id(),
    companyId: uuid().notNull(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    status: text().$type<"pending" | "sent" | "skipped" | "failed">().notNull().default("pending"),
    messageId: uuid(),
    error: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("campaign_recipients_idx").on(t.campaignId, t.customerId)],
);
