import { appointments, customerEvents, messages, paymentRequests } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer } from "@/tests/factories";
import { globalSearch, parseAmount } from "./global";

const database = withTestDatabase();

async function dealership() {
  const db = database.db;
  const company = await createCompany(db);
  const helene = await createCustomer(db, company.id, { firstName: "Hélène", lastName: "Côté", mobile: "+15145550123" });
  const conversation = await createConversation(db, company.id, helene.id);
  await db.insert(messages).values({
    companyId: company.id,
    conversationId: conversation.id,
    customerId: helene.id,
    direction: "inbound",
    body: "Le voyant du moteur est allumé depuis hier",
    sourceKind: "customer",
    status: "received",
  });
  await db.insert(customerEvents).values({ companyId: company.id, customerId: helene.id, number: "RO-48213", title: "Freins" });
  await db.insert(appointments).values({ companyId: company.id, customerId: helene.id, type: "Pose de pneus d'hiver", startAt: new Date() });
  await db.insert(paymentRequests).values({ companyId: company.id, customerId: helene.id, amountCents: 38995, currency: "CAD", reference: "FACT-1001", publicToken: crypto.randomUUID() });
  return { db, company, helene, conversation };
}

describe("global search (CONV-6)", () => {
  it("finds a customer by name without accents, or by any shape of phone number", async () => {
    const { db, company, helene, conversation } = await dealership();
    for (const query of ["helene", "Côté", "(514) 555-0123", "514 555 01", "5550123"]) {
      const { customers } = await globalSearch(db, { companyId: company.id, query });
      expect(customers.map((c) => c.id)).toEqual([helene.id]);
      expect(customers[0]!.conversationId).toBe(conversation.id);
    }
  });

  it("finds conversations by message text, repair orders by number, appointments by type and payments by amount", async () => {
    const { db, company } = await dealership();
    expect((await globalSearch(db, { companyId: company.id, query: "voyant moteur" })).messages).toHaveLength(1);
    expect((await globalSearch(db, { companyId: company.id, query: "48213" })).repairOrders.map((r) => r.number)).toEqual(["RO-48213"]);
    expect((await globalSearch(db, { companyId: company.id, query: "pneus" })).appointments).toHaveLength(1);
    expect((await globalSearch(db, { companyId: company.id, query: "389,95 $" })).payments.map((p) => p.reference)).toEqual(["FACT-1001"]);
  });

  it("never returns another company's records", async () => {
    const { db } = await dealership();
    const other = await createCompany(db);
    const results = await globalSearch(db, { companyId: other.id, query: "helene" });
    expect(Object.values(results).flat()).toEqual([]);
    expect(Object.values(await globalSearch(db, { companyId: other.id, query: "48213" })).flat()).toEqual([]);
  });

  it("reads amounts typed in French or English", () => {
    expect(parseAmount("389,95 $")).toBe(38995);
    expect(parseAmount("$1200")).toBe(120000);
    expect(parseAmount("12.5")).toBe(1250);
    expect(parseAmount("RO-48213")).toBeNull();
  });

  it("reads an amount as it is displayed, with thousands separators and the currency", () => {
    expect(parseAmount("1 343,67")).toBe(134367);
    expect(parseAmount("1\u202f343,67\u00a0$")).toBe(134367);
    expect(parseAmount("1343.67 $")).toBe(134367);
    expect(parseAmount("$1,343.67")).toBe(134367);
    expect(parseAmount("1.343,67 $")).toBe(134367);
    expect(parseAmount("1,34")).toBe(134);
    expect(parseAmount("1,343,67")).toBeNull();
    expect(parseAmount("Total: 12")).toBeNull();
  });
});
