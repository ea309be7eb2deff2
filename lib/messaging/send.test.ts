import { eq } from "drizzle-orm";
import { conversations, messages } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { startFakeVonage } from "@/tests/fakes/vonage";
import { sendSms, type SendRequest } from "./send";
import { inQuietHours } from "./sendability";
import { localSmsProvider } from "./sms/local";
import { vonageSmsProvider } from "./sms/vonage";

const database = withTestDatabase();
let vonage: Awaited<ReturnType<typeof startFakeVonage>>;
beforeAll(async () => {
  vonage = await startFakeVonage();
});
afterAll(() => vonage.close());

const provider = () => vonageSmsProvider({ applicationId: vonage.applicationId, privateKey: vonage.privateKey, apiHost: vonage.apiHost });

async function setup(customerValues: Parameters<typeof createCustomer>[2] = {}) {
  const db = database.db;
  const company = await createCompany(db, { name: "Garage Lavoie", timezone: "America/Toronto", quietHoursStart: "21:00", quietHoursEnd: "08:00" });
  const agent = await createUser(db, company.id, { name: "Alex Martin", signature: null });
  const customer = await createCustomer(db, company.id, { firstName: "Hélène", ...customerValues });
  const request = (values: Partial<SendRequest> = {}): SendRequest => ({
    companyId: company.id,
    customerId: customer.id,
    body: "Bonjour { customer.first_name }, votre auto est prête.",
    category: "general",
    source: { kind: "manual" },
    senderUserId: agent.id,
    ...values,
  });
  return { db, company, agent, customer, request };
}

const MIDDAY = new Date("2026-11-24T17:00:00Z"); // noon in Montréal
const NIGHT = new Date("2026-11-25T03:30:00Z"); // 22:30 in Montréal

describe("the sending gate", () => {
  it("renders the template, signs a manual send, counts segments and sends through Vonage with client_ref", async () => {
    const { db, customer, request } = await setup();
    const before = vonage.requests.length;
    const result = await sendSms(db, request(), { provider: provider() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message).toMatchObject({
      body: "Bonjour Hélène, votre auto est prête.\n- Alex Martin",
      status: "sent",
      // The ê of "prête" is not in GSM-7.
      encoding: "UCS-2",
      segments: 1,
      providerMessageId: expect.stringMatching(/^aaaaaaaa-/),
      sourceKind: "manual",
    });
    const sent = vonage.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe("/v1/messages");
    expect(sent[0]!.body).toMatchObject({ channel: "sms", message_type: "text", to: customer.mobile!.slice(1), client_ref: result.message.id });
    expect(sent[0]!.body.text).toBe(result.message.body);
  });

  it("uses the user's own signature, or none when it is switched off", async () => {
    const { db, agent, request } = await setup();
    const { users } = await import("@/db/schema");
    await db.update(users).set({ signature: "Alex, Beaulieu Auto" }).where(eq(users.id, agent.id));
    const signed = await sendSms(db, request({ body: "Prête!" }), { provider: localSmsProvider });
    expect(signed.ok && signed.message.body).toBe("Prête!\n- Alex, Beaulieu Auto");
    await db.update(users).set({ signatureEnabled: false }).where(eq(users.id, agent.id));
    const unsigned = await sendSms(db, request({ body: "Prête!" }), { provider: localSmsProvider });
    expect(unsigned.ok && unsigned.message.body).toBe("Prête!");
    const automated = await sendSms(db, request({ body: "Rappel", source: { kind: "automation" }, senderUserId: null }), { provider: localSmsProvider });
    expect(automated.ok && automated.message.body).toBe("Rappel");
  });

  it("records UCS-2 and the segment count when a French accent forces it", async () => {
    const { db, request } = await setup();
    const body = "Votre véhicule sera prêt à 15 h, nous vous écrirons dès qu'il sera lavé. Merci de votre confiance!";
    const result = await sendSms(db, request({ body, senderUserId: null }), { provider: localSmsProvider });
    expect(result.ok && result.message).toMatchObject({ encoding: "UCS-2", segments: 2 });
  });

  it("shows a provider refusal as a failed message with a readable reason", async () => {
    const { db, request } = await setup();
    vonage.failNext(422, { type: "https://developer.vonage.com/api-errors/messages#1150", title: "Invalid params", detail: "The value of the `to` field is an invalid number" });
    const result = await sendSms(db, request(), { provider: provider() });
    expect(result.ok && result.message).toMatchObject({ status: "failed", errorCode: "invalid_number" });
  });

  it("creates the conversation, assigned to the company rule, and keeps the sender from taking it over", async () => {
    const { db, company, agent, customer, request } = await setup();
    const owner = await createUser(db, company.id);
    await createConversation(db, company.id, customer.id, { assigneeUserId: owner.id });
    await sendSms(db, request(), { provider: localSmsProvider });
    const [conversation] = await db.select().from(conversations).where(eq(conversations.customerId, customer.id));
    expect(conversation!.assigneeUserId).toBe(owner.id);
    expect(conversation!.assigneeUserId).not.toBe(agent.id);
    expect(conversation!.lastOutboundAt).not.toBeNull();
  });

  it("refuses an unknown template token syntax instead of sending it raw", async () => {
    const { db, customer, request } = await setup();
    expect(await sendSms(db, request({ body: "Bonjour {customer}" }), { provider: localSmsProvider })).toMatchObject({ ok: false, reason: "template_error" });
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toEqual([]);
  });
});

describe("nobody who said no gets a message", () => {
  const paths: { name: string; values: Partial<SendRequest> }[] = [
    { name: "a manual reply", values: { source: { kind: "manual" } } },
    { name: "an automation", values: { source: { kind: "automation" }, senderUserId: null } },
    { name: "a scheduled message", values: { source: { kind: "scheduled" } } },
    { name: "a keyword reply", values: { source: { kind: "keyword_reply" }, senderUserId: null } },
    { name: "a campaign", values: { source: { kind: "campaign" }, senderUserId: null, category: "marketing" } },
  ];

  it.each(paths)("refuses $name to a customer who texted STOP", async ({ values }) => {
    const { db, customer, request } = await setup({ optedOutAt: new Date() });
    const before = vonage.requests.length;
    expect(await sendSms(db, request(values), { provider: provider(), now: MIDDAY })).toEqual({ ok: false, reason: "opted_out" });
    expect(vonage.requests.length).toBe(before);
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toEqual([]);
  });

  it.each(paths.filter((p) => p.values.category !== "marketing"))("refuses $name to a customer unsubscribed from general messages", async ({ values }) => {
    const { db, request } = await setup({ subscribedGeneral: false });
    expect(await sendSms(db, request(values), { provider: provider(), now: MIDDAY })).toEqual({ ok: false, reason: "unsubscribed_general" });
  });

  it.each(paths)("refuses $name as marketing to a customer unsubscribed from marketing, but not a general message", async ({ values }) => {
    const { db, request } = await setup({ subscribedMarketing: false });
    expect(await sendSms(db, request({ ...values, category: "marketing" }), { provider: localSmsProvider, now: MIDDAY })).toEqual({
      ok: false,
      reason: "unsubscribed_marketing",
    });
    if (values.category !== "marketing") {
      expect((await sendSms(db, request(values), { provider: localSmsProvider, now: MIDDAY })).ok).toBe(true);
    }
  });

  it("refuses any message to a customer without a mobile number", async () => {
    const { db, request } = await setup({ mobile: null });
    expect(await sendSms(db, request(), { provider: localSmsProvider })).toEqual({ ok: false, reason: "no_mobile" });
  });

  it("holds marketing inside the company's quiet hours, not general messages", async () => {
    const { db, request } = await setup();
    expect(await sendSms(db, request({ category: "marketing" }), { provider: localSmsProvider, now: NIGHT })).toEqual({ ok: false, reason: "quiet_hours" });
    expect((await sendSms(db, request({ category: "marketing" }), { provider: localSmsProvider, now: MIDDAY })).ok).toBe(true);
    expect((await sendSms(db, request(), { provider: localSmsProvider, now: NIGHT })).ok).toBe(true);
  });

  it("never sends to another company's customer", async () => {
    const { db, request } = await setup();
    const other = await createCompany(db);
    expect(await sendSms(db, { ...request(), companyId: other.id }, { provider: localSmsProvider })).toEqual({ ok: false, reason: "customer_not_found" });
  });
});

describe("inQuietHours", () => {
  it("handles windows across midnight and inside a day", () => {
    const overnight = { timezone: "America/Toronto", quietHoursStart: "21:00", quietHoursEnd: "08:00" };
    expect(inQuietHours(overnight, NIGHT)).toBe(true);
    expect(inQuietHours(overnight, MIDDAY)).toBe(false);
    expect(inQuietHours({ ...overnight, quietHoursStart: "12:00", quietHoursEnd: "13:00" }, MIDDAY)).toBe(true);
    expect(inQuietHours({ ...overnight, quietHoursStart: "08:00", quietHoursEnd: "08:00" }, NIGHT)).toBe(false);
  });
});
