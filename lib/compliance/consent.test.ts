import { and, eq } from "drizzle-orm";
import { customers, messages } from "@/db/schema";
import type { Db } from "@/db/client";
import { listConsentEvents, moveConsentRecords, recordConsentEvent } from "@/db/queries/consent";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { dismissOptOutHint, unsubscribeFlaggedCustomer } from "./actions";
import { applyInboundConsent, consentHistory, openOptOutFlags, recordSubscriptionChange } from "./consent";

const database = withTestDatabase();

async function setup(customerValues: Parameters<typeof createCustomer>[2] = {}) {
  const db = database.db;
  const company = await createCompany(db, { name: "Garage Lavoie" });
  const agent = await createUser(db, company.id, { name: "Marie-Claude Tremblay" });
  const customer = await createCustomer(db, company.id, { language: "fr", ...customerValues });
  const conversation = await createConversation(db, company.id, customer.id);
  return { db, company, agent, customer, conversation };
}

type Setup = Awaited<ReturnType<typeof setup>>;

let received = 0;
/** Stores an inbound text as the pipeline does, then hands it to the consent step. */
async function inbound({ db, company, customer, conversation }: Setup, text: string, receivedAt = new Date(Date.UTC(2026, 11, 1, 15, received++))) {
  const [message] = await db
    .insert(messages)
    .values({ companyId: company.id, conversationId: conversation.id, customerId: customer.id, direction: "inbound", body: text, sourceKind: "customer", status: "received", createdAt: receivedAt })
    .returning();
  const request = { companyId: company.id, customerId: customer.id, conversationId: conversation.id, messageId: message!.id, text, receivedAt };
  return { message: message!, request, outcome: await applyInboundConsent(db, request) };
}

const customerRow = async (db: Db, id: string) => (await db.select().from(customers).where(eq(customers.id, id)))[0]!;

describe("consent history", () => {
  it("records a STOP with the customer's words and message, opts them out once and answers in the keyword's language", async () => {
    const setupResult = await setup();
    const { db, company, customer } = setupResult;
    const { message, outcome } = await inbound(setupResult, "REVOKE");
    expect(outcome).toEqual({
      action: "opted_out",
      reply: { body: expect.stringContaining("you are unsubscribed"), compliance: "opt_out_confirmation", language: "en" },
    });
    expect((await customerRow(db, customer.id)).optedOutAt).not.toBeNull();

    const second = await inbound(setupResult, "STOP svp");
    expect(second.outcome).toEqual({ action: "opted_out", reply: null });

    const history = await consentHistory(db, { companyId: company.id, customerId: customer.id });
    expect(history).toEqual([
      { id: expect.any(String), kind: "opt_out", scope: "all", source: "sms_keyword", keyword: "REVOKE", messageId: message.id, staffName: null, at: expect.any(String) },
    ]);
  });

  it("records the customer's START and answers a neutral keyword in the customer's language", async () => {
    const setupResult = await setup({ optedOutAt: new Date("2026-01-01T00:00:00Z"), subscribedGeneral: false });
    const { db, company, customer } = setupResult;
    const { outcome } = await inbound(setupResult, "START");
    expect(outcome).toMatchObject({ action: "opted_in", reply: { language: "fr", body: expect.stringContaining("vous êtes réabonné") } });
    expect(await customerRow(db, customer.id)).toMatchObject({ optedOutAt: null, subscribedGeneral: true });
    expect(await consentHistory(db, { companyId: company.id, customerId: customer.id })).toMatchObject([{ kind: "opt_in", scope: "all", source: "sms_keyword", keyword: "START" }]);
  });

  it("answers a retried STOP again when its change already committed, without a second event", async () => {
    const setupResult = await setup();
    const { db, company, customer } = setupResult;
    const { request } = await inbound(setupResult, "Arrêter");
    const retried = await applyInboundConsent(db, request);
    expect(retried).toMatchObject({ action: "opted_out", reply: { language: "fr", compliance: "opt_out_confirmation" } });
    expect(await listConsentEvents(db, { companyId: company.id, customerId: customer.id })).toHaveLength(1);
  });

  it("commits with the storing transaction, or not at all when it fails", async () => {
    const setupResult = await setup();
    const { db, company, customer, conversation } = setupResult;
    const failure = new Error("the notification step failed");
    await expect(
      db.transaction(async (tx) => {
        const [message] = await tx
          .insert(messages)
          .values({ companyId: company.id, conversationId: conversation.id, customerId: customer.id, direction: "inbound", body: "OPTOUT", sourceKind: "customer", status: "received" })
          .returning();
        const outcome = await applyInboundConsent(tx, { companyId: company.id, customerId: customer.id, conversationId: conversation.id, messageId: message!.id, text: "OPTOUT", receivedAt: new Date() });
        expect(outcome).toMatchObject({ action: "opted_out", reply: { language: "en" } });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await customerRow(db, customer.id)).optedOutAt).toBeNull();
    expect(await listConsentEvents(db, { companyId: company.id, customerId: customer.id })).toEqual([]);

    // The retry of the whole message applies it.
    expect((await inbound(setupResult, "OPTOUT")).outcome).toMatchObject({ action: "opted_out", reply: { compliance: "opt_out_confirmation" } });
    expect(await listConsentEvents(db, { companyId: company.id, customerId: customer.id })).toHaveLength(1);
  });

  it("answers HELP and leaves an ordinary text alone, changing nothing", async () => {
    const setupResult = await setup();
    const { db, company, customer } = setupResult;
    expect((await inbound(setupResult, "aide svp")).outcome).toMatchObject({ action: "help", reply: { compliance: "help", language: "fr" } });
    expect((await inbound(setupResult, "Je dois annuler mon rendez-vous")).outcome).toEqual({ action: "none" });
    expect((await customerRow(db, customer.id)).optedOutAt).toBeNull();
    expect(await consentHistory(db, { companyId: company.id, customerId: customer.id })).toEqual([]);
  });

  it("records staff, import and API subscription changes, one event per subscription that changed, newest first", async () => {
    const { db, company, agent, customer } = await setup();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));
    const all = { general: true, marketing: true };
    await recordSubscriptionChange(db, { companyId: company.id, customerId: customer.id, before: all, after: { general: true, marketing: false }, source: "staff", staffUserId: agent.id, at: at(1) });
    await recordSubscriptionChange(db, { companyId: company.id, customerId: customer.id, before: { general: true, marketing: false }, after: { general: false, marketing: true }, source: "import", at: at(2) });
    expect(await recordSubscriptionChange(db, { companyId: company.id, customerId: customer.id, before: all, after: all, source: "api" })).toBe(0);

    const history = (await consentHistory(db, { companyId: company.id, customerId: customer.id })).map(({ kind, scope, source, staffName, at }) => ({ kind, scope, source, staffName, at }));
    expect(history).toHaveLength(3);
    expect(history.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { kind: "opt_out", scope: "general", source: "import", staffName: null, at: at(2).toISOString() },
        { kind: "opt_in", scope: "marketing", source: "import", staffName: null, at: at(2).toISOString() },
      ]),
    );
    expect(history[2]).toEqual({ kind: "opt_out", scope: "marketing", source: "staff", staffName: "Marie-Claude Tremblay", at: at(1).toISOString() });
  });

  it("keeps the absorbed profile's history on the surviving one after a merge, and only within the company", async () => {
    const { db, company, customer: absorbed } = await setup();
    const survivor = await createCustomer(db, company.id);
    const other = await setup();
    await recordConsentEvent(db, { companyId: company.id, customerId: absorbed.id, kind: "opt_out", scope: "marketing", source: "import" });
    await recordConsentEvent(db, { companyId: other.company.id, customerId: other.customer.id, kind: "opt_out", scope: "all", source: "api" });
    // Another company's ids never move anything.
    await moveConsentRecords(db, { companyId: company.id, fromCustomerId: other.customer.id, toCustomerId: survivor.id });
    await moveConsentRecords(db, { companyId: company.id, fromCustomerId: absorbed.id, toCustomerId: survivor.id });
    expect(await consentHistory(db, { companyId: company.id, customerId: survivor.id })).toMatchObject([{ scope: "marketing", source: "import" }]);
    expect(await consentHistory(db, { companyId: other.company.id, customerId: other.customer.id })).toHaveLength(1);
  });

  it("never shows one company's consent history to another", async () => {
    const a = await setup();
    const b = await setup();
    await recordConsentEvent(a.db, { companyId: a.company.id, customerId: a.customer.id, kind: "opt_out", scope: "all", source: "api" });
    expect(await listConsentEvents(a.db, { companyId: a.company.id, customerId: a.customer.id })).toHaveLength(1);
    // Company B asking for company A's customer sees nothing.
    expect(await listConsentEvents(a.db, { companyId: b.company.id, customerId: a.customer.id })).toEqual([]);
    expect(await consentHistory(a.db, { companyId: b.company.id, customerId: a.customer.id })).toEqual([]);
  });
});

describe("possible opt-out requests", () => {
  it("flags a longer text with a stop word once, for staff, without opting the customer out", async () => {
    const setupResult = await setup();
    const { db, company, customer, conversation } = setupResult;
    const { message, request, outcome } = await inbound(setupResult, "arrêtez de m'appeler le matin");
    expect(outcome).toEqual({ action: "flagged", flagId: expect.any(String) });
    expect(await applyInboundConsent(db, request)).toEqual({ action: "flagged", flagId: null });
    expect(await openOptOutFlags(db, { companyId: company.id, conversationId: conversation.id })).toEqual([
      { id: expect.any(String), messageId: message.id, excerpt: "arrêtez de m'appeler le matin" },
    ]);
    expect((await customerRow(db, customer.id)).optedOutAt).toBeNull();
    expect(await consentHistory(db, { companyId: company.id, customerId: customer.id })).toEqual([]);
  });

  it("lets staff unsubscribe the customer in one click: opted out as by STOP, confirmed in the words' language, with the staff member as proof", async () => {
    const setupResult = await setup();
    const { db, company, agent, customer, conversation } = setupResult;
    const { message } = await inbound(setupResult, "stop calling me at work, call my cell instead");
    const [flag] = await openOptOutFlags(db, { companyId: company.id, conversationId: conversation.id });

    const result = await unsubscribeFlaggedCustomer.run(contextFor(db, agent, company.id), { flagId: flag!.id });
    expect(result).toEqual({ ok: true, data: { customerId: customer.id, conversationId: conversation.id } });
    expect((await customerRow(db, customer.id)).optedOutAt).not.toBeNull();
    expect(await openOptOutFlags(db, { companyId: company.id, conversationId: conversation.id })).toEqual([]);
    expect(await consentHistory(db, { companyId: company.id, customerId: customer.id })).toMatchObject([
      { kind: "opt_out", scope: "all", source: "staff", keyword: "stop calling me at work, call my cell instead", messageId: message.id, staffName: "Marie-Claude Tremblay" },
    ]);
    const confirmations = await db
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.customerId, customer.id), eq(messages.direction, "outbound")));
    expect(confirmations).toEqual([{ body: `${company.name}: you are unsubscribed and will receive no more messages. Reply START to subscribe again.` }]);

    // A second click finds nothing left to do.
    expect(await unsubscribeFlaggedCustomer.run(contextFor(db, agent, company.id), { flagId: flag!.id })).toEqual({ ok: false, error: "errors.notFound" });
  });

  it("lets staff dismiss a flag, and no other company can act on it", async () => {
    const setupResult = await setup();
    const other = await setup();
    const { db, company, agent, customer, conversation } = setupResult;
    await inbound(setupResult, "Please stop by the dealership and stop the engine noise");
    await inbound(setupResult, "I'd like to unsubscribe from the promotions but keep my service reminders");
    const flags = await openOptOutFlags(db, { companyId: company.id, conversationId: conversation.id });
    expect(flags).toHaveLength(1);

    expect(await unsubscribeFlaggedCustomer.run(contextFor(db, other.agent, other.company.id), { flagId: flags[0]!.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await dismissOptOutHint.run(contextFor(db, other.agent, other.company.id), { flagId: flags[0]!.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await openOptOutFlags(db, { companyId: other.company.id, conversationId: conversation.id })).toEqual([]);

    expect(await dismissOptOutHint.run(contextFor(db, agent, company.id), { flagId: flags[0]!.id })).toEqual({ ok: true, data: { customerId: customer.id, conversationId: conversation.id } });
    expect(await openOptOutFlags(db, { companyId: company.id, conversationId: conversation.id })).toEqual([]);
    expect((await customerRow(db, customer.id)).optedOutAt).toBeNull();
  });

  it("closes open flags when the customer then texts STOP", async () => {
    const setupResult = await setup();
    const { db, company, conversation } = setupResult;
    await inbound(setupResult, "stop calling me please, texts are fine but not calls");
    expect(await openOptOutFlags(db, { companyId: company.id, conversationId: conversation.id })).toHaveLength(1);
    await inbound(setupResult, "STOP");
    expect(await openOptOutFlags(db, { companyId: company.id, conversationId: conversation.id })).toEqual([]);
  });
});
