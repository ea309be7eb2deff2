/** The event types an endpoint can subscribe to (IMPL-2). `webhook.test` is sent by the "send test event" button only. */
export const WEBHOOK_EVENT_TYPES = [
  "message.received",
  "message.sent",
  "message.status",
  "conversation.assigned",
  "conversation.closed",
  "customer.created",
  "customer.opted_out",
  "customer.opted_in",
  "appointment.confirmed",
  "appointment.cancelled",
  "payment.paid",
  "review.created",
  "automation.result",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const TEST_EVENT_TYPE = "webhook.test";
