import { eventType } from "inngest";
import { z } from "zod";

export const awayModeScheduled = eventType("user/away.scheduled", {
  schema: z.object({ userId: z.uuid(), awayUntil: z.iso.datetime({ offset: true }) }),
});

export const inboundSmsReceived = eventType("sms/inbound.received", {
  schema: z.object({ id: z.uuid() }),
});

export const messageScheduled = eventType("message/scheduled", {
  schema: z.object({ id: z.uuid(), version: z.number().int(), sendAt: z.iso.datetime({ offset: true }) }),
});

export const importQueued = eventType("import/queued", {
  schema: z.object({ importId: z.uuid() }),
});

/** An inbound message was stored: does it answer an automation text? (AUTO-5) */
export const automationReplyCheck = eventType("automation/reply.check", {
  schema: z.object({ companyId: z.uuid(), messageId: z.uuid() }),
});

/** Run an automation: asked for now (force), or found due by the cron sweep. */
export const automationRunRequested = eventType("automation/run.requested", {
  schema: z.object({ companyId: z.uuid(), automationId: z.uuid(), force: z.boolean().optional() }),
});

/** Webhook deliveries are due (new events, a replay, a test event): the worker claims them. */
export const webhookDeliveriesDue = eventType("webhooks/deliveries.due", {
  schema: z.object({}),
});

/** Send a campaign now (confirmed, resumed) or found sending by the cron sweep. */
export const campaignRunRequested = eventType("campaign/run.requested", {
  schema: z.object({ companyId: z.uuid(), campaignId: z.uuid() }),
});

/** A conversation export to PDF was requested (CONV-14): the worker claims its row. */
export const conversationExportRequested = eventType("conversation/export.requested", {
  schema: z.object({ exportId: z.uuid() }),
});

/** Notifications waiting for an email were recorded (USER-5): send the digests due now, then after the window. */
export const notificationEmailsQueued = eventType("notification/emails.queued", {
  schema: z.object({ companyId: z.uuid(), userIds: z.array(z.uuid()).min(1) }),
});

/** Notifications were recorded: push them to the devices of users who want them (USER-5). */
export const pushDeliveriesDue = eventType("push/deliveries.due", {
  schema: z.object({ companyId: z.uuid() }),
});
