import { and, eq } from "drizzle-orm";
import { appointments, conversations, customAttributeDefinitions, customers, messages, notes, scheduledMessages } from "@/db/schema";
import { customerSearchCondition, listCustomers } from "@/db/queries/customers";
import { sendDueScheduledMessages } from "@/lib/scheduling/scheduled";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { consentHistory } from "@/lib/compliance/consent";
import { createCustomer as createCustomerAction, loadCustomers, setSubscriptions, updateCustomer } from "./actions";

const database = withTestDatabase();

async function setup() {
  const db = database.db;
  const company = await createCompany(db, { countryCode: "CA" });
  const agent = await createUser(db, company.id, { role: "agent" });
  const definitions: (typeof customAttributeDefinitions.$inferInsert)[] = [
    { companyId: company.id, category: "customer", key: "vehicle_year", label: "Année du véhicule", type: "number" },
    { companyId: company.id, category: "customer", key: "next_service", label: "Prochain entretien", type: "date" },
    { companyId: company.id, category: "customer", key: "brands", label: "Marques", type: "collection", options: ["Honda", "Toyota"] },
    { companyId: company.id, category: "customer", key: "plate", label: "Plaque", type: "string" },
  ];
  await db.insert(customAttributeDefinitions).values(definitions);
  return { db, company, agent, context: contextFor(db, agent, company.id) };
}

const reload = async (id: string) => (await database.db.select().from(customers).where(eq(customers.id, id)))[0]!;

describe("customer profile edits (CUST-3)", () => {
  it("stores a mobile typed in any format in international form, and refuses one that is not a phone number", async () => {
    const s = await setup();
    const customer = await createCustomer(s.db, s.company.id, { mobile: null });
    const saved = await updateCustomer.run(s.context, { customerId: customer.id, mobile: "(514) 555-0199" });
    expect(saved).toMatchObject({ ok: true, data: { mobile: "+15145550199", merged: false } });

    const bad = await updateCustomer.run(s.context, { customerId: customer.id, mobile: "12", firstName: "Changed" });
    expect(bad).toMatchObject({ ok: false, error: "customers.mobileInvalid" });
    expect(await reload(customer.id)).toMatchObject({ mobile: "+15145550199", firstName: "Julie" });
  });

  it("checks custom attributes by type, and an emptied value removes it", async () => {
    const s = await setup();
    const customer = await createCustomer(s.db, s.company.id);
    const ok = await updateCustomer.run(s.context, {
      customerId: customer.id,
      attributes: { vehicle_year: "2019", next_service: "2027-02-28", brands: ["Honda"], plate: "ABC 123" },
    });
    expect(ok.ok).toBe(true);
    expect((await reload(customer.id)).attributes).toEqual({ vehicle_year: 2019, next_service: "2027-02-28", brands: ["Honda"], plate: "ABC 123" });

    for (const [attributes, error] of [
      [{ vehicle_year: "2019.5" }, "customers.attributeNumber"],
      [{ next_service: "2027-02-30" }, "customers.attributeDate"],
      [{ brands: ["Ford"] }, "customers.attributeCollection"],
      [{ colour: "red" }, "customers.attributeUnknown"],
    ] as const) {
      expect(await updateCustomer.run(s.context, { customerId: customer.id, attributes })).toMatchObject({ ok: false, error });
    }
    expect((await reload(customer.id)).attributes.vehicle_year).toBe(2019);

    await updateCustomer.run(s.context, { customerId: customer.id, attributes: { plate: "" } });
    expect((await reload(customer.id)).attributes).not.toHaveProperty("plate");
  });

  it("finds a customer by partial phone in any format, by name without accents, and by attribute value", async () => {
    const s = await setup();
    const customer = await createCustomer(s.db, s.company.id, { firstName: "Hélène", lastName: "Côté", mobile: "+15145550123" });
    await updateCustomer.run(s.context, { customerId: customer.id, attributes: { plate: "XYZ 789" } });
    await createCustomer(s.db, s.company.id, { firstName: "Marc", lastName: "Roy", mobile: "+15145559999" });
    const search = async (query: string) => (await listCustomers(s.db, { companyId: s.company.id, query })).customers.map((c) => c.firstName);
    expect(await search("(514) 555-01")).toEqual(["Hélène"]);
    expect(await search("helene cote")).toEqual(["Hélène"]);
    expect(await search("xyz 789")).toEqual(["Hélène"]);
    expect(await search("555")).toEqual(["Hélène", "Marc"]);
    expect(customerSearchCondition("   ")).toBeUndefined();
  });

  it("refuses to create a second customer with a number already on file, pointing at the existing one", async () => {
    const s = await setup();
    const existing = await createCustomer(s.db, s.company.id, { mobile: "+15145550111" });
    const result = await createCustomerAction.run(s.context, { firstName: "Autre", mobile: "514 555 0111" });
    expect(result).toMatchObject({ ok: false, error: "customers.mobileTaken" });
    const created = await createCustomerAction.run(s.context, { firstName: "Nouveau", mobile: "514 555 0112", attributes: { vehicle_year: 2021 } });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await reload(created.data.id)).toMatchObject({ firstName: "Nouveau", mobile: "+15145550112", language: "fr", attributes: { vehicle_year: 2021 } });
    expect(await createCustomerAction.run(s.context, {})).toMatchObject({ ok: false, fieldErrors: { firstName: ["customers.nameOrMobileRequired"] } });
    expect((await listCustomers(s.db, { companyId: s.company.id, query: "5550111" })).customers.map((c) => c.id)).toEqual([existing.id]);
  });

  it("never reads or changes another company's customer", async () => {
    const s = await setup();
    const other = await createCompany(s.db);
    const theirs = await createCustomer(s.db, other.id, { firstName: "Secret", mobile: "+15145550777" });
    expect(await updateCustomer.run(s.context, { customerId: theirs.id, firstName: "Pirate" })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await setSubscriptions.run(s.context, { customerId: theirs.id, general: false, marketing: false })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect((await listCustomers(s.db, { companyId: s.company.id, query: "secret" })).customers).toEqual([]);
    // Their number is not "taken" here: each company has its own customers.
    expect((await createCustomerAction.run(s.context, { firstName: "Mine", mobile: "+15145550777" })).ok).toBe(true);
    expect(await reload(theirs.id)).toMatchObject({ firstName: "Secret", subscribedGeneral: true });
  });
});

describe("merging two profiles with the same mobile (CONV-15)", () => {
  it("moves everything onto the edited profile, archives the older conversation and still sends the pending scheduled message", async () => {
    const s = await setup();
    const survivor = await createCustomer(s.db, s.company.id, { firstName: "Julie", lastName: "", mobile: null, attributes: { plate: "AAA 111" } });
    const absorbed = await createCustomer(s.db, s.company.id, {
      firstName: "J.",
      lastName: "Tremblay",
      mobile: "+15145550150",
      email: "julie@example.com",
      subscribedMarketing: false,
      attributes: { plate: "ZZZ 999", vehicle_year: 2018 },
    });
    const older = await createConversation(s.db, s.company.id, absorbed.id, { createdAt: new Date(Date.now() - 86_400_000) });
    const newer = await createConversation(s.db, s.company.id, survivor.id);
    await s.db.insert(notes).values({ companyId: s.company.id, customerId: absorbed.id, conversationId: older.id, authorUserId: s.agent.id, body: "Client fidèle" });
    await s.db.insert(appointments).values({ companyId: s.company.id, customerId: absorbed.id, startAt: new Date(Date.now() + 86_400_000), type: "Entretien" });
    const [pending] = await s.db
      .insert(scheduledMessages)
      .values({ companyId: s.company.id, customerId: absorbed.id, authorUserId: s.agent.id, body: "Rappel: votre rendez-vous demain.", sendAt: new Date(Date.now() - 1000) })
      .returning();

    const result = await updateCustomer.run(s.context, { customerId: survivor.id, mobile: "514-555-0150" });
    expect(result).toMatchObject({ ok: true, data: { merged: true, mobile: "+15145550150" } });

    expect(await reload(survivor.id)).toMatchObject({
      firstName: "Julie",
      lastName: "Tremblay",
      email: "julie@example.com",
      mobile: "+15145550150",
      subscribedMarketing: false,
      attributes: { plate: "AAA 111", vehicle_year: 2018 },
    });
    expect(await reload(absorbed.id)).toMatchObject({ mobile: null, mergedIntoId: survivor.id });
    const conversationRows = await s.db.select().from(conversations).where(eq(conversations.customerId, survivor.id));
    expect(conversationRows.map((c) => [c.id, c.archived]).sort()).toEqual([[newer.id, false], [older.id, true]].sort());
    expect(await s.db.select().from(notes).where(eq(notes.customerId, survivor.id))).toHaveLength(1);
    expect(await s.db.select().from(appointments).where(eq(appointments.customerId, survivor.id))).toHaveLength(1);
    expect((await listCustomers(s.db, { companyId: s.company.id, query: "tremblay" })).customers.map((c) => c.id)).toEqual([survivor.id]);

    await sendDueScheduledMessages(s.db);
    const [sent] = await s.db.select().from(scheduledMessages).where(eq(scheduledMessages.id, pending!.id));
    expect(sent).toMatchObject({ status: "sent", customerId: survivor.id });
    const [message] = await s.db.select().from(messages).where(eq(messages.id, sent!.messageId!));
    expect(message).toMatchObject({ conversationId: newer.id, toNumber: "+15145550150" });
  });

  it("keeps every field the edited profile lacks when the whole form is sent back with the new mobile", async () => {
    const s = await setup();
    const survivor = await createCustomer(s.db, s.company.id, { firstName: "", lastName: "", email: null, externalId: null, mobile: null, language: "fr", attributes: { plate: "AAA 111" } });
    await createCustomer(s.db, s.company.id, {
      firstName: "Julie",
      lastName: "Tremblay",
      email: "julie@example.com",
      externalId: "DMS-4411",
      language: "en",
      mobile: "+15145550160",
      attributes: { plate: "ZZZ 999", vehicle_year: 2018 },
    });

    const form = { firstName: "", lastName: "", email: "", language: "fr" as const, mobile: "514-555-0160", attributes: { plate: "AAA 111", vehicle_year: null, next_service: null } };
    const result = await updateCustomer.run(s.context, { customerId: survivor.id, ...form });
    expect(result).toMatchObject({ ok: true, data: { merged: true } });

    expect(await reload(survivor.id)).toMatchObject({
      firstName: "Julie",
      lastName: "Tremblay",
      email: "julie@example.com",
      externalId: "DMS-4411",
      // Both profiles have a language: the edited one keeps its own.
      language: "fr",
      mobile: "+15145550160",
      attributes: { plate: "AAA 111", vehicle_year: 2018 },
    });
    expect((await listCustomers(s.db, { companyId: s.company.id, query: "julie" })).customers.map((c) => c.id)).toEqual([survivor.id]);
  });

  it("keeps an opt-out by STOP when the opted-out profile is merged in", async () => {
    const s = await setup();
    const survivor = await createCustomer(s.db, s.company.id, { mobile: null });
    const stopped = await createCustomer(s.db, s.company.id, { mobile: "+15145550160", optedOutAt: new Date(), subscribedGeneral: false, subscribedMarketing: false });
    await updateCustomer.run(s.context, { customerId: survivor.id, mobile: "+15145550160" });
    expect(await reload(survivor.id)).toMatchObject({ subscribedGeneral: false, subscribedMarketing: false });
    expect((await reload(survivor.id)).optedOutAt).not.toBeNull();
    expect(stopped.id).not.toBe(survivor.id);
  });
});

describe("subscriptions (CUST-4)", () => {
  it("unsubscribes from marketing only, and the filter lists that customer", async () => {
    const s = await setup();
    const customer = await createCustomer(s.db, s.company.id, { lastName: "Marketing-Off" });
    await createCustomer(s.db, s.company.id, { lastName: "Everything-On" });
    expect(await setSubscriptions.run(s.context, { customerId: customer.id, general: true, marketing: false })).toMatchObject({ ok: true, data: { general: true, marketing: false } });
    const filtered = await listCustomers(s.db, { companyId: s.company.id, filters: { unsubscribed: "marketing" } });
    expect(filtered.customers.map((c) => c.lastName)).toEqual(["Marketing-Off"]);
    expect((await listCustomers(s.db, { companyId: s.company.id, filters: { unsubscribed: "general" } })).customers).toEqual([]);
  });

  it("keeps each change in the consent history, with the staff member who made it", async () => {
    const s = await setup();
    const customer = await createCustomer(s.db, s.company.id);
    await setSubscriptions.run(s.context, { customerId: customer.id, general: true, marketing: false });
    await setSubscriptions.run(s.context, { customerId: customer.id, general: true, marketing: false });
    const history = await consentHistory(s.db, { companyId: s.company.id, customerId: customer.id });
    expect(history).toEqual([expect.objectContaining({ kind: "opt_out", scope: "marketing", source: "staff", staffName: s.agent.name })]);
  });

  it("refuses to subscribe again a customer who texted STOP; they must text START", async () => {
    const s = await setup();
    const customer = await createCustomer(s.db, s.company.id, { optedOutAt: new Date(), subscribedGeneral: false, subscribedMarketing: false });
    expect(await setSubscriptions.run(s.context, { customerId: customer.id, general: true, marketing: false })).toMatchObject({ ok: false, error: "customers.optedOutByStop" });
    expect(await reload(customer.id)).toMatchObject({ subscribedGeneral: false });
    expect((await listCustomers(s.db, { companyId: s.company.id, filters: { optedOut: "yes" } })).customers.map((c) => c.id)).toEqual([customer.id]);
  });

  it("pages through a long list without skipping or repeating anyone", async () => {
    const s = await setup();
    for (let i = 0; i < 7; i++) await createCustomer(s.db, s.company.id, { firstName: `P${i}`, lastName: i % 2 ? "Same" : `L${i}` });
    const seen: string[] = [];
    let cursor = null;
    do {
      const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers(s.db, { companyId: s.company.id, cursor, limit: 3 });
      seen.push(...page.customers.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const all = await s.db.select({ id: customers.id }).from(customers).where(and(eq(customers.companyId, s.company.id)));
    expect(new Set(all.map((c) => c.id))).toEqual(new Set(seen));
  });

  it("pages through search results in name order too", async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) await createCustomer(s.db, s.company.id, { firstName: `Q${4 - i}`, lastName: "Gagnon" });
    await createCustomer(s.db, s.company.id, { firstName: "Zoé", lastName: "Roy" });
    const names: string[] = [];
    let cursor = null;
    do {
      const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers(s.db, { companyId: s.company.id, query: "gagnon", cursor, limit: 2 });
      names.push(...page.customers.map((c) => c.firstName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(["Q0", "Q1", "Q2", "Q3", "Q4"]);
  });

  it("lists only the signed-in company's customers, and names a bad filter", async () => {
    const s = await setup();
    const mine = await createCustomer(s.db, s.company.id, { lastName: "Commun" });
    const other = await createCompany(s.db);
    await createCustomer(s.db, other.id, { lastName: "Commun" });
    const page = await loadCustomers.run(s.context, { q: "commun" });
    expect(page.ok && page.data.customers.map((c) => c.id)).toEqual([mine.id]);
    expect(await loadCustomers.run(s.context, { mobile: "sometimes" })).toMatchObject({ ok: false, fieldErrors: { mobile: expect.any(Array) } });
    expect(await loadCustomers.run(s.context, { cursor: { lastName: "A", firstName: "B", id: "not-a-uuid" } })).toMatchObject({ ok: false });
  });
});
