import { eq } from "drizzle-orm";
import { messages } from "@/db/schema";
import { DEV_SIGNATURE_SECRET } from "@/lib/env";
import { inboundDrainSettled } from "@/lib/messaging/inbound/accept";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { signMessagesWebhook } from "@/lib/messaging/webhooks/vonage-signature";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer } from "@/tests/factories";
import { signLegacyParams } from "@/tests/fakes/vonage";
import { POST as inboundRoute } from "./inbound/route";
import { POST as statusRoute } from "./status/route";

const database = withTestDatabase();
const INBOUND = "http://localhost/api/webhooks/vonage/inbound";
const digits = (e164: string) => e164.slice(1);
let counter = 0;

async function signed(url: string, payload: unknown) {
  const body = JSON.stringify(payload);
  return new Request(url, { method: "POST", headers: { "content-type": "application/json", authorization: await signMessagesWebhook(body, DEV_SIGNATURE_SECRET) }, body });
}

async function setup() {
  const company = await createCompany(database.db);
  const customer = await createCustomer(database.db, company.id);
  const payload = (values: Record<string, unknown>) => ({
    channel: "sms",
    message_type: "text",
    message_uuid: `poison-${++counter}`,
    to: digits(company.senderNumber!),
    from: digits(customer.mobile!),
    text: "Bonjour",
    timestamp: new Date().toISOString(),
    ...values,
  });
  const bodies = async () => {
    await inboundDrainSettled();
    await processPendingInbound(database.db);
    return (await database.db.select().from(messages).where(eq(messages.customerId, customer.id))).map((m) => m.body);
  };
  return { company, customer, payload, bodies };
}

describe("webhooks that can never be stored are not retried forever", () => {
  it("stores a text with a NUL byte without it", async () => {
    const { payload, bodies } = await setup();
    expect((await inboundRoute(await signed(INBOUND, payload({ text: "Bon\u0000jour" })))).status).toBe(200);
    expect(await bodies()).toEqual(["Bonjour"]);
  });

  it("answers 400 to an id with a NUL byte or longer than an index entry allows, storing nothing", async () => {
    const { payload, bodies } = await setup();
    expect((await inboundRoute(await signed(INBOUND, payload({ message_uuid: "abc\u0000def" })))).status).toBe(400);
    expect((await inboundRoute(await signed(INBOUND, payload({ message_uuid: "x".repeat(5000) })))).status).toBe(400);
    expect(await bodies()).toEqual([]);
  });

  it("stores a text with an absurd timestamp", async () => {
    const { payload, bodies } = await setup();
    for (const timestamp of ["9999-12-31T23:59:59Z", "+275760-09-13T00:00:00.000Z", "0001-01-01T00:00:00Z"]) {
      expect((await inboundRoute(await signed(INBOUND, payload({ timestamp, text: timestamp })))).status).toBe(200);
    }
    expect(await bodies()).toHaveLength(3);
  });

  it("answers 400 to a legacy callback or a receipt with a NUL in its id", async () => {
    const { company, customer } = await setup();
    const params = signLegacyParams({ msisdn: digits(customer.mobile!), to: digits(company.senderNumber!), messageId: "LEG\u0000X", text: "Allô", type: "text" }, DEV_SIGNATURE_SECRET);
    const legacy = new Request(INBOUND, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() });
    expect((await inboundRoute(legacy)).status).toBe(400);
    const receipt = await signed("http://localhost/api/webhooks/vonage/status", { message_uuid: "r\u0000", status: "delivered", timestamp: new Date().toISOString() });
    expect((await statusRoute(receipt)).status).toBe(400);
  });
});
