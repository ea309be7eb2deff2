import "server-only";
import type { Db } from "@/db/client";
import { recordSweepRun } from "@/db/queries/sweeps";
import { sweepExpiredApiState } from "@/lib/api/sweep";
import { processPendingImports } from "@/lib/imports/run";
import { autoCloseInactiveConversations } from "@/lib/conversations/auto-close";
import { flushIncompleteParts } from "@/lib/messaging/inbound/parts";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { sendDueScheduledMessages } from "@/lib/scheduling/scheduled";
import { endExpiredAwayModes } from "@/lib/users/away";
import { handlePendingReplies } from "@/lib/automations/replies";
import { sweepDueAutomations } from "@/lib/automations/run";
import { sweepCampaigns } from "@/lib/campaigns/run";
import { runWebhookSweep } from "@/lib/webhooks/deliver";
import { processPendingConversationExports } from "@/lib/conversation-exports/run";
import { sendDueReportEmails } from "@/lib/reports/emails/send";
import { sendDueNotificationEmails } from "@/lib/notifications/email-digest";
import { deliverPendingPushes } from "@/lib/push/deliver";

export type Sweep = {
  name: string;
  /** Cron schedule when an Inngest engine runs it. */
  cron: string;
  run: (db: Db, now: Date) => Promise<Record<string, unknown>>;
};

/**
 * Periodic bodies shared by both triggers: Inngest cron functions when an engine is
 * configured, the in-process timer when embedded. Each moves due rows forward with
 * conditional updates, so running one twice does nothing twice.
 */
export const SWEEPS: Sweep[] = [
  { name: "end-expired-away-modes", cron: "* * * * *", run: endExpiredAwayModes },
  { name: "auto-close-conversations", cron: "*/15 * * * *", run: autoCloseInactiveConversations },
  // Multipart texts whose missing parts never came are stored with what arrived.
  { name: "flush-incomplete-sms-parts", cron: "* * * * *", run: flushIncompleteParts },
  // Inbound SMS are processed right after the webhook; this catches any that were not.
  { name: "process-inbound-sms", cron: "* * * * *", run: (db) => processPendingInbound(db) },
  { name: "send-due-scheduled-messages", cron: "* * * * *", run: sendDueScheduledMessages },
  // Imports run right after they are started; this resumes any whose runner stopped.
  { name: "resume-imports", cron: "* * * * *", run: (db) => processPendingImports(db) },
  // Automations whose daily time came or whose real-time interval elapsed (AUTO-7).
  { name: "run-due-automations", cron: "* * * * *", run: (db, now) => sweepDueAutomations(db, now) },
  // Scheduled campaigns whose time came start; sending ones are (re)run — held in quiet hours, resumed after a crash.
  { name: "run-campaigns", cron: "* * * * *", run: (db, now) => sweepCampaigns(db, now) },
  // Replies (to automations and campaigns) are handled right after the inbound message; this catches any that were not.
  { name: "handle-automation-replies", cron: "*/5 * * * *", run: (db, now) => handlePendingReplies(db, now) },
  // Idempotency keys past 24 hours and old rate-limit windows of the integration API.
  { name: "sweep-api-state", cron: "*/15 * * * *", run: (db) => sweepExpiredApiState(db) },
  // Webhook retries whose time came, deliveries a stopped worker left leased; the log kept 30 days.
  { name: "deliver-webhooks", cron: "* * * * *", run: runWebhookSweep },
  // PDF exports are built right after they are requested; this catches any that were not.
  { name: "run-conversation-exports", cron: "* * * * *", run: (db) => processPendingConversationExports(db) },
  // Weekly progress (Monday) and daily deposits emails, once each company's 07:00 has passed; a row per user and period keeps them single.
  { name: "send-report-emails", cron: "*/15 * * * *", run: (db, now) => sendDueReportEmails(db, now) },
  // Notification emails whose digest window ended (USER-5); the queued event sends most of them on time.
  { name: "send-notification-emails", cron: "* * * * *", run: (db, now) => sendDueNotificationEmails(db, now) },
  // Pushes are sent right after notifications are recorded; this catches missed ones and brings retries back.
  { name: "deliver-pushes", cron: "* * * * *", run: (db, now) => deliverPendingPushes(db, { now }) },
];

/** Runs one sweep and records its heartbeat (shown by /api/health). */
export async function runSweep(db: Db, sweep: Sweep, now = new Date()) {
  const result = await sweep.run(db, now);
  await recordSweepRun(db, { name: sweep.name, at: now, result });
  return result;
}
