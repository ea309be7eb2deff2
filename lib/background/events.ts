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

/** Webhook deliveries are due (new events, a replay, a test event): the worker claims them. */
export const webhookDeliveriesDue = eventType("webhooks/deliveries.due", {
  schema: z.object({}),
});
