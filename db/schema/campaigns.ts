import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import type { AudienceRules, AutomationSkipReason } from "./automations";
import { companyRef } from "./companies";
import { customers } from "./customers";

/**
 * draft → (scheduled) → sending ⇄ paused → completed; cancelled from any state before
 * completed. A campaign is planned (its recipients materialised) when it starts sending.
 */
export type CampaignStatus = "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled";
export type CampaignRecipientStatus = "pending" | "sending" | "sent" | "skipped" | "failed" | "cancelled";
/** The automation skip reasons, plus a second customer sharing an already-texted mobile number. */
export type CampaignSkipReason = AutomationSkipReason | "duplicate_number";
/** A payment or review request the campaign's text carries (its link made per recipient at send time). */
export type CampaignRequest =
  | { kind: "payment_request"; amountCents: number; currency: string; reference?: string | null }
  | { kind: "review_request" };

export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    companyId: companyRef(),
    name: text().notNull(),
    status: text().$type<CampaignStatus>().notNull().default("draft"),
    messageBody: text().notNull().default(""),
    marketing: boolean().notNull().default(true),
    /** Who receives it: the automation rule tree; groups are rules ("is in group"). */
    audience: jsonb().$type<AudienceRules>().notNull().default({ all: [] }),
    request: jsonb().$type<CampaignRequest>(),
    attachmentIds: jsonb().$type<string[]>().notNull().default([]),
    /** null: as soon as it is confirmed. */
    sendAt: at(),
    repliesUserId: uuid(),
    /** The recipient count the user confirmed after the dry run. */
    confirmedCount: integer(),
    confirmedByUserId: uuid(),
    confirmedAt: at(),
    plannedAt: at(),
    startedAt: at(),
    pausedAt: at(),
    completedAt: at(),
    cancelledAt: at(),
    createdByUserId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The list's keyset: newest first, ties by id.
    index("campaigns_company_created_id_idx").on(t.companyId, t.createdAt.desc(), t.id.desc()),
    // The runner looks for due and sending campaigns across companies.
    index("campaigns_status_send_at_idx").on(t.status, t.sendAt),
  ],
);

/** One row per campaign and customer: the unique key stops a second text (materialised by one INSERT … SELECT). */
export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    id: id(),
    // No foreign key of its own: the campaign's (same company, cascading from it) implies it,
    // and a check per row is a third of what planning 100,000 recipients spends on foreign keys.
    companyId: uuid().notNull(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    status: text().$type<CampaignRecipientStatus>().notNull().default("pending"),
    skipReason: text().$type<CampaignSkipReason>(),
    /** The mobile number at planning time (duplicate numbers are skipped). */
    mobile: text(),
    messageId: uuid(),
    /** The carrier's error code/text when the send failed. */
    error: text(),
    /** Set while a worker sends it; a stale claim is picked up again (after a crash). */
    claimedAt: at(),
    sentAt: at(),
    replyMessageId: uuid(),
    repliedAt: at(),
    /** The customer replied STOP (or was unsubscribed) after this text. */
    optedOutAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("campaign_recipients_campaign_customer_idx").on(t.campaignId, t.customerId),
    index("campaign_recipients_campaign_status_idx").on(t.campaignId, t.status),
    // The results page's keyset: planning order, ties by id.
    index("campaign_recipients_campaign_created_id_idx").on(t.campaignId, t.createdAt, t.id),
    // Reply attribution: the latest campaign text sent to this customer.
    // Only texts sent: planning (every sent_at still null) adds nothing to it.
    index("campaign_recipients_customer_sent_idx").on(t.companyId, t.customerId, t.sentAt).where(sql`${t.sentAt} is not null`),
    index("campaign_recipients_company_sent_idx").on(t.companyId, t.sentAt).where(sql`${t.sentAt} is not null`),
    // Claiming the next pending ones in planning order reads only them (a stale claim is found by campaign and status).
    index("campaign_recipients_claim_idx")
      .on(t.campaignId, t.createdAt, t.id)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * The send throttle per sender number, shared by every process: each send reserves the
 * next free instant atomically (`next_at = greatest(next_at, now()) + interval`).
 */
export const senderSlots = pgTable("sender_slots", {
  senderNumber: text().primaryKey(),
  nextAt: at().notNull(),
});
