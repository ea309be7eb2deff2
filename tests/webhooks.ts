import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { generateWebhookSecret } from "@/lib/webhooks/signing";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";

/** An endpoint of the company subscribed to every event type, and readers of what was recorded for it. */
export async function listenToWebhooks(db: Db, companyId: string) {
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ companyId, url: "http://127.0.0.1:9/unused", eventTypes: [...WEBHOOK_EVENT_TYPES], secret: generateWebhookSecret() })
    .returning();
  const events = async () =>
    (await db.select().from(webhookEvents).where(eq(webhookEvents.companyId, companyId)).orderBy(webhookEvents.createdAt)).map((e) => ({
      type: e.type,
      payload: e.payload,
      customerId: e.customerId,
    }));
  const eventsOf = async (type: string) => (await events()).filter((e) => e.type === type);
  const deliveries = async () => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint!.id));
  return { endpoint: endpoint!, events, eventsOf, deliveries };
}

let inboundCounter = 0;

/** An inbound text from `from` to the company's number, with a fresh provider id. */
export const inboundSms = (company: { senderNumber: string | null }, from: string, text: string) => ({
  provider: "vonage" as const,
  providerMessageId: `webhook-test-${++inboundCounter}-${Date.now()}`,
  from,
  to: company.senderNumber!,
  text,
  receivedAt: new Date(),
});
