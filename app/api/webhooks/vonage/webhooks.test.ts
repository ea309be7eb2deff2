import { and, eq } from "drizzle-orm";
import { consentEvents, conversations, customers, messages, notifications, optOutFlags } from "@/db/schema";
import { DEV_SIGNATURE_SECRET } from "@/lib/env";
import { sendSms } from "@/lib/messaging/send";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import type { SmsProvider } from "@/lib/messaging/sms/provider";
import { signMessagesWebhook } from "@/lib/messaging/webhooks/vonage-signature";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { signLegacyParams } from "@/tests/fakes/vonage";
import { inboundDrainSettled } from "@/lib/messaging/inbound/accept";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { GET as inboundRouteGet, POST as inboundRoute } from "./inbound/route";
import { POST as status } from "./status/route";

const database = withTestDatabase();
const SECRET = DEV_SIGNATURE_SECRET;
const digits = (e164: string) => e164.slice(1);

async function signedJson(url: string, payload: unknown, { secret = SECRET, tamper = false } = {}) {
  const body = JSON.stringify(payload);
  const authorization = await signMessagesWebhook(body, secret);
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: tamper ? body.replace("Bonjour", "Bonsoir") : body,
  });
}

function legacyForm(url: string, params: Record<string, string>, secret = SECRET) {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(signLegacyParams(params, secret)).toString(),
  });
}

/** Posts to the inbound route, then lets the stored message be processed, as the app does right after. */
async function settle(response: Response) {
  await inboundDrainSettled();
  await processPendingInbound(database.db);
  return response;
}
const inbound = async (request: Request) => settle(await inboundRoute(request));
const inboundGet = async (request: Request) => settle(await inboundRouteGet(request));

const INBOUND = "http://localhost/api/webhooks/vonage/inbound";
const STATUS = "http://localhost/api/webhooks/vonage/status";
let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;

async function setup() {
  const db = database.db;
  const company = await createCompany(db);
  const agent = await createUser(db, company.id);
  const customer = await createCustomer(db, company.id, { language: "fr" });
  return { db, company, agent, customer };
}

function inboundPayload(company: { senderNumber: string | null }, from: string, text: string, id = uuid()) {
  return { channel: "sms", message_type: "text", message_uuid: id, to: digits(company.senderNumber!), from: digits(from), text, timestamp: new Date().toISOString() };
}

const messagesOf = (customerId: string) => database.db.select().from(messages).where(eq(messages.customerId, customerId)).orderBy(messages.createdAt);

describe("POST /api/webhooks/vonage/inbound", () => {
  it("stores a signed inbound message in the customer's conversation, unread, and notifies the assignee", async () => {
    const { db, company, agent, customer } = await setup();
    await createConversation(db, company.id, customer.id, { assigneeUserId: agent.id, assigneeReadAt: new Date(Date.now() - 60_000) });
    const response = await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, "Bonjour, mon auto est prête?")));
    expect(response.status).toBe(200);
    const [message] = await messagesOf(customer.id);
    expect(message).toMatchObject({ direction: "inbound", body: "Bonjour, mon auto est prête?", status: "received", provider: "vonage" });
    const [conversation] = await db.select().from(conversations).where(eq(conversations.customerId, customer.id));
    expect(conversation!.lastInboundAt!.getTime()).toBeGreaterThan(conversation!.assigneeReadAt!.getTime());
    expect(conversation!.lastMessagePreview).toBe("Bonjour, mon auto est prête?");
    const notes = await db.select().from(notifications).where(eq(notifications.userId, agent.id));
    expect(notes.map((n) => n.kind)).toEqual(["conversation.new_message"]);
    // The bell names who wrote and what they said.
    expect(notes[0]!.data).toMatchObject({ customerName: `${customer.firstName} ${customer.lastName}`.trim() || customer.mobile, preview: "Bonjour, mon auto est prête?" });
  });

  it("rejects a bad signature, a tampered body and a missing signature with 401, storing nothing", async () => {
    const { company, customer } = await setup();
    const payload = inboundPayload(company, customer.mobile!, "Bonjour");
    expect((await inbound(await signedJson(INBOUND, payload, { secret: "wrong-secret" }))).status).toBe(401);
    expect((await inbound(await signedJson(INBOUND, payload, { tamper: true }))).status).toBe(401);
    const unsigned = new Request(INBOUND, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
    expect((await inbound(unsigned)).status).toBe(401);
    const garbage = new Request(INBOUND, { method: "POST", headers: { authorization: "Bearer not.a.jwt" }, body: JSON.stringify(payload) });
    expect((await inbound(garbage)).status).toBe(401);
    expect(await messagesOf(customer.id)).toEqual([]);
  });

  it("answers a malformed body with a clear 400 and stores nothing", async () => {
    const { company, customer } = await setup();
    const response = await inbound(await signedJson(INBOUND, { channel: "sms", to: digits(company.senderNumber!), text: "no sender" }));
    expect(response.status).toBe(400);
    expect((await response.json()).issues.join(" ")).toMatch(/message_uuid|from/);
    expect(await messagesOf(customer.id)).toEqual([]);
  });

  it("ignores a repeated delivery of the same message", async () => {
    const { company, customer } = await setup();
    const payload = inboundPayload(company, customer.mobile!, "Allô?");
    expect((await inbound(await signedJson(INBOUND, payload))).status).toBe(200);
    const again = await inbound(await signedJson(INBOUND, payload));
    expect(again.status).toBe(200);
    expect((await again.json()).result.status).toBe("duplicate");
    expect(await messagesOf(customer.id)).toHaveLength(1);
  });

  it("creates a customer and a conversation for an unknown number, routed by the company rule", async () => {
    const { db, company, agent } = await setup();
    const { companies } = await import("@/db/schema");
    await db.update(companies).set({ defaultAssigneeUserId: agent.id }).where(eq(companies.id, company.id));
    const response = await inbound(await signedJson(INBOUND, inboundPayload(company, "+15145559876", "Hi, do you do oil changes?")));
    const { result } = await response.json();
    expect(result.status).toBe("accepted");
    const [customer] = await db.select().from(customers).where(and(eq(customers.companyId, company.id), eq(customers.mobile, "+15145559876")));
    expect(customer).toBeDefined();
    const [conversation] = await db.select().from(conversations).where(eq(conversations.customerId, customer!.id));
    expect(conversation).toMatchObject({ status: "open", assigneeUserId: agent.id });
  });

  it("reopens a closed conversation", async () => {
    const { db, company, customer } = await setup();
    const closed = await createConversation(db, company.id, customer.id, { status: "closed", closedAt: new Date() });
    await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, "Re-bonjour")));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.id, closed.id));
    expect(conversation).toMatchObject({ status: "open", closedAt: null });
  });

  it("accepts the legacy SMS API shape by signed GET and POST, and joins multipart messages once complete", async () => {
    const { company, customer } = await setup();
    const base = { msisdn: digits(customer.mobile!), to: digits(company.senderNumber!), type: "text", "message-timestamp": "2026-11-23 18:04:05" };
    const query = new URLSearchParams(signLegacyParams({ ...base, messageId: "LEG-1", text: "Par GET" }, SECRET));
    expect((await inboundGet(new Request(`${INBOUND}?${query}`))).status).toBe(200);

    const part = (n: number, text: string) => ({ ...base, messageId: `LEG-P${n}`, text, concat: "true", "concat-ref": "77", "concat-total": "2", "concat-part": String(n) });
    const second = await inbound(legacyForm(INBOUND, part(2, " deuxième partie.")));
    expect((await second.json()).result.status).toBe("waiting_for_parts");
    expect(await inbound(legacyForm(INBOUND, part(2, " deuxième partie.")))).toHaveProperty("status", 200);
    expect((await (await inbound(legacyForm(INBOUND, part(1, "Première partie,")))).json()).result.status).toBe("accepted");

    const bodies = (await messagesOf(customer.id)).map((m) => m.body);
    expect(bodies).toEqual(["Par GET", "Première partie, deuxième partie."]);
  });

  it("refuses a legacy callback with a bad sig or a stale timestamp", async () => {
    const { company, customer } = await setup();
    const params = { msisdn: digits(customer.mobile!), to: digits(company.senderNumber!), messageId: "LEG-X", text: "Allo" };
    expect((await inbound(legacyForm(INBOUND, params, "other-secret"))).status).toBe(401);
    const stale = signLegacyParams(params, SECRET, new Date(Date.now() - 10 * 60_000));
    const request = new Request(INBOUND, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(stale).toString() });
    expect((await inbound(request)).status).toBe(401);
    expect(await messagesOf(customer.id)).toEqual([]);
  });

  it.each([
    ["STOP", "fr", /désabonné/],
    ["Arrêt", "fr", /désabonné/],
    ["arret.", "fr", /désabonné/],
    ["stopall", "en", /unsubscribed/],
    ["Unsubscribe", "en", /unsubscribed/],
    ["QUIT", "en", /unsubscribed/],
  ])("opts the customer out on %s with one confirmation in their language", async (word, language, confirmation) => {
    const { db, company } = await setup();
    const customer = await createCustomer(db, company.id, { language: language as "fr" | "en" });
    await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, word)));
    await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, word)));
    const [saved] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(saved!.optedOutAt).not.toBeNull();
    const outbound = (await messagesOf(customer.id)).filter((m) => m.direction === "outbound");
    expect(outbound).toHaveLength(1);
    expect(outbound[0]!.body).toMatch(confirmation);
  });

  it("hears an opt-out in any reasonable wording, keeps it as proof, and flags an ambiguous one for staff", async () => {
    const { db, company } = await setup();
    const english = await createCustomer(db, company.id, { language: "en" });
    await inbound(await signedJson(INBOUND, inboundPayload(company, english.mobile!, "stop please")));
    const [stopMessage] = (await messagesOf(english.id)).filter((m) => m.direction === "inbound");
    const events = await db.select().from(consentEvents).where(eq(consentEvents.customerId, english.id));
    expect(events).toEqual([expect.objectContaining({ kind: "opt_out", scope: "all", source: "sms_keyword", keyword: "stop please", messageId: stopMessage!.id })]);

    const french = await createCustomer(db, company.id, { language: "en" });
    await inbound(await signedJson(INBOUND, inboundPayload(company, french.mobile!, "Désabonnez-moi")));
    const [frenchSaved] = await db.select().from(customers).where(eq(customers.id, french.id));
    expect(frenchSaved!.optedOutAt).not.toBeNull();
    expect((await messagesOf(french.id)).filter((m) => m.direction === "outbound").map((m) => m.body)).toEqual([expect.stringMatching(/désabonné/)]);

    const unsure = await createCustomer(db, company.id, { language: "en" });
    await inbound(await signedJson(INBOUND, inboundPayload(company, unsure.mobile!, "Stop calling me at work, call my cell instead")));
    const [unsureSaved] = await db.select().from(customers).where(eq(customers.id, unsure.id));
    expect(unsureSaved!.optedOutAt).toBeNull();
    expect(await db.select().from(optOutFlags).where(eq(optOutFlags.customerId, unsure.id))).toHaveLength(1);
    expect((await messagesOf(unsure.id)).filter((m) => m.direction === "outbound")).toEqual([]);
  });

  it("does not treat a sentence containing stop as an opt-out", async () => {
    const { db, company, customer } = await setup();
    await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, "Can you stop by tomorrow?")));
    const [saved] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(saved!.optedOutAt).toBeNull();
  });

  it("resubscribes on START and answers HELP / AIDE with the company's help text", async () => {
    const { db, company } = await setup();
    const customer = await createCustomer(db, company.id, { optedOutAt: new Date(), language: "en" });
    await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, "Start")));
    const [saved] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(saved!.optedOutAt).toBeNull();
    await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, "HELP")));
    // Issue 10: the answer is in the language of the keyword, whatever the profile says.
    await inbound(await signedJson(INBOUND, inboundPayload(company, customer.mobile!, "AIDE")));
    const outbound = (await messagesOf(customer.id)).filter((m) => m.direction === "outbound").map((m) => m.body);
    expect(outbound).toEqual([expect.stringMatching(/subscribed again/), expect.stringMatching(/Reply STOP/), expect.stringMatching(/Répondez ARRET/)]);
  });
});

describe("POST /api/webhooks/vonage/status", () => {
  /** A provider whose send call returns only after the test lets it. */
  function slowProvider() {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sentRef = "";
    const provider: SmsProvider = {
      name: "vonage",
      async send(sms) {
        sentRef = sms.clientRef;
        await gate;
        return { providerMessageId: "bbbbbbbb-0000-4000-8000-000000000001" };
      },
    };
    return { provider, release, clientRef: () => sentRef };
  }

  async function sentMessage() {
    const context = await setup();
    const result = await sendSms(
      context.db,
      { companyId: context.company.id, customerId: context.customer.id, body: "Votre auto est prête", category: "general", source: { kind: "manual" }, senderUserId: context.agent.id },
      { provider: { name: "vonage", send: async () => ({ providerMessageId: uuid() }) } },
    );
    if (!result.ok) throw new Error(result.reason);
    return { ...context, message: result.message };
  }

  const statusPayload = (message: { id: string; providerMessageId: string | null }, statusName: string, extra: Record<string, unknown> = {}) => ({
    message_uuid: message.providerMessageId,
    to: "15145550000",
    from: "15145550100",
    timestamp: new Date().toISOString(),
    status: statusName,
    client_ref: message.id,
    channel: "sms",
    ...extra,
  });

  const reload = async (id: string) => (await database.db.select().from(messages).where(eq(messages.id, id)))[0]!;

  it("marks a message delivered, and a repeat or a late 'submitted' changes nothing", async () => {
    const { message } = await sentMessage();
    expect(message.status).toBe("sent");
    expect((await status(await signedJson(STATUS, statusPayload(message, "delivered")))).status).toBe(200);
    expect((await reload(message.id)).status).toBe("delivered");
    await status(await signedJson(STATUS, statusPayload(message, "delivered")));
    await status(await signedJson(STATUS, statusPayload(message, "submitted")));
    const final = await reload(message.id);
    expect(final.status).toBe("delivered");
    expect(final.deliveredAt).not.toBeNull();
  });

  it("shows a readable carrier error and tells the sender", async () => {
    const { db, agent, message } = await sentMessage();
    await status(
      await signedJson(STATUS, statusPayload(message, "rejected", { error: { type: "https://developer.vonage.com/api-errors/messages#1320", title: 1320, detail: "Destination unreachable: landline" } })),
    );
    const failed = await reload(message.id);
    expect(failed).toMatchObject({ status: "failed", errorCode: "landline_or_unreachable" });
    expect(failed.errorText).toContain("landline");
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, agent.id), eq(notifications.kind, "conversation.send_error")));
    expect(notes).toHaveLength(1);
  });

  it("ends in the right state when the receipt arrives before the send call returned", async () => {
    const { db, company, customer } = await setup();
    const slow = slowProvider();
    const sending = sendSms(db, { companyId: company.id, customerId: customer.id, body: "Rapide", category: "general", source: { kind: "manual" } }, { provider: slow.provider });
    while (!slow.clientRef()) await new Promise((resolve) => setTimeout(resolve, 5));
    const early = await status(await signedJson(STATUS, statusPayload({ id: slow.clientRef(), providerMessageId: "bbbbbbbb-0000-4000-8000-000000000001" }, "delivered")));
    expect(early.status).toBe(200);
    slow.release();
    const result = await sending;
    expect(result.ok && result.message).toMatchObject({ status: "delivered", providerMessageId: "bbbbbbbb-0000-4000-8000-000000000001" });
  });

  it("accepts legacy delivery receipts, with readable err-codes", async () => {
    const { message } = await sentMessage();
    const receipt = { msisdn: "15145550000", to: "15145550100", messageId: message.providerMessageId!, status: "failed", "err-code": "12", "client-ref": message.id };
    expect((await status(legacyForm(STATUS, receipt))).status).toBe(200);
    expect(await reload(message.id)).toMatchObject({ status: "failed", errorCode: "landline_or_unreachable" });
  });

  it("rejects unsigned receipts and malformed ones", async () => {
    const { message } = await sentMessage();
    const unsigned = new Request(STATUS, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(statusPayload(message, "delivered")) });
    expect((await status(unsigned)).status).toBe(401);
    expect((await status(await signedJson(STATUS, { message_uuid: "x", status: "exploded" }))).status).toBe(400);
    expect((await reload(message.id)).status).toBe("sent");
  });

  it("acknowledges a receipt for a message it does not know without storing anything", async () => {
    await setup();
    const response = await status(await signedJson(STATUS, statusPayload({ id: "not-a-uuid", providerMessageId: "unknown-id" }, "delivered")));
    expect(response.status).toBe(200);
    expect((await response.json()).result).toEqual({ applied: false, reason: "unknown_message" });
  });

  it("marks local-channel messages delivered through the same status path", async () => {
    const { db, company, customer } = await setup();
    const result = await sendSms(db, { companyId: company.id, customerId: customer.id, body: "Local", category: "general", source: { kind: "manual" } }, { provider: localSmsProvider });
    expect(result.ok && result.message).toMatchObject({ status: "delivered", provider: "local" });
  });
});
