import "server-only";
import { getDb, type Db } from "@/db/client";
import { insertWebhookEvent, insertWebhookEvents } from "@/db/queries/webhooks";
import { dispatch } from "@/lib/background/dispatch";
import { webhookDeliveriesDue } from "@/lib/background/events";
import { deliverDueWebhooks } from "./deliver";
import type { TEST_EVENT_TYPE, WebhookEventType } from "./events";

export type WebhookEventInput = {
  companyId: string;
  type: WebhookEventType | typeof TEST_EVENT_TYPE;
  /** The event's `data`. */
  payload: Record<string, unknown>;
  /** The customer it is about: that customer's events reach each endpoint in order. */
  customerId?: string | null;
  /** Only this endpoint (the "send test event" button). */
  endpointId?: string;
};

/**
 * Row first: the event and a delivery for each subscribed active endpoint, in the caller's
 * transaction, so the outbox holds exactly the changes that were committed. The worker is
 * nudged by `nudgeWebhookDelivery` once the transaction is over, or finds them on its sweep.
 */
export async function recordWebhookEvent(tx: Db, input: WebhookEventInput) {
  return insertWebhookEvent(tx, input);
}

/** Many events of one type in the caller's transaction (customers created by an import or an API batch). */
export async function recordWebhookEvents(tx: Db, input: { companyId: string; type: WebhookEventType; events: { payload: Record<string, unknown>; customerId: string | null }[] }) {
  return insertWebhookEvents(tx, input);
}

/** After a commit that recorded events: run the worker now (embedded) or send its Inngest event. */
export async function nudgeWebhookDelivery() {
  await dispatch(webhookDeliveriesDue.create({}), { lane: "webhooks", key: "deliver", run: async () => deliverDueWebhooks(await getDb()) });
}

/** Records one event outside any other transaction and nudges the worker. */
export async function emitWebhookEvent(db: Db, input: WebhookEventInput) {
  const recorded = await recordWebhookEvent(db, input);
  if (recorded.deliveries) await nudgeWebhookDelivery();
  return recorded;
}
