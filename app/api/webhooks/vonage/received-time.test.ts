import { eq } from "drizzle-orm";
import { conversations, messages } from "@/db/schema";
import { DEV_SIGNATURE_SECRET } from "@/lib/env";
import { inboundDrainSettled } from "@/lib/messaging/inbound/accept";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { signMessagesWebhook } from "@/lib/messaging/webhooks/vonage-signature";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { POST as inboundRoute } from "./inbound/route";

const database = withTestDatabase();
const digits = (e164: string) => e164.slice(1);
let counter = 0;

async function deliver(company: { senderNumber: string | null }, from: string, text: string, timestamp: string) {
  const body = JSON.stringify({ channel: "sms", message_type: "text", message_uuid: `time-${++counter}`, to: digits(company.senderNumber!), from: digits(from), text, timestamp });
  const request = new Request("http://localhost/api/webhooks/vonage/inbound", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: await signMessagesWebhook(body, DEV_SIGNATURE_SECRET) },
    body,
  });
  expect((await inboundRoute(request)).status).toBe(200);
  await inboundDrainSettled();
  await processPendingInbound(database.db);
}

const conversationOf = async (customerId: string) => (await database.db.select().from(conversations).where(eq(conversations.customerId, customerId)))[0]!;

describe("the inbox follows the time we received a text, not the carrier's stamp", () => {
  it("does not pin a conversation on top for a text stamped 9999-12-31, and keeps a sane provider time", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const [stamped, later] = [await createCustomer(db, company.id), await createCustomer(db, company.id)];
    const before = Date.now();
    await deliver(company, stamped.mobile!, "Du futur", "9999-12-31T23:59:59Z");
    await deliver(company, later.mobile!, "Plus tard", new Date().toISOString());
    const [pinned, recent] = [await conversationOf(stamped.id), await conversationOf(later.id)];
    expect(pinned.lastActivityAt.getTime()).toBeLessThanOrEqual(recent.lastActivityAt.getTime());
    expect(pinned.lastActivityAt.getTime()).toBeLessThan(Date.now() + 1000);
    const [message] = await db.select().from(messages).where(eq(messages.customerId, stamped.id));
    expect(message!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(message!.createdAt.getTime()).toBeLessThan(Date.now() + 1000);
    // The provider time is kept, clamped to a few minutes ahead at most.
    expect(message!.sentAt!.getTime()).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000);
  });

  it("marks the conversation unread and previews a late text whose carrier stamp is older than the last read", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const agent = await createUser(db, company.id);
    const customer = await createCustomer(db, company.id);
    await createConversation(db, company.id, customer.id, { assigneeUserId: agent.id, assigneeReadAt: new Date(Date.now() - 60_000), lastActivityAt: new Date(Date.now() - 60_000) });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await deliver(company, customer.mobile!, "Envoyé il y a deux heures", twoHoursAgo.toISOString());
    const conversation = await conversationOf(customer.id);
    expect(conversation.lastInboundAt!.getTime()).toBeGreaterThan(conversation.assigneeReadAt!.getTime());
    expect(conversation.lastMessagePreview).toBe("Envoyé il y a deux heures");
    const [message] = await db.select().from(messages).where(eq(messages.customerId, customer.id));
    expect(message!.sentAt!.toISOString()).toBe(twoHoursAgo.toISOString());
  });
});
