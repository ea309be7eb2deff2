import { eq } from "drizzle-orm";
import { customAttributeDefinitions, customers, messages } from "@/db/schema";
import { sendSms } from "@/lib/messaging/send";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { companyTemplateProblem } from "@/lib/templates/catalogue";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import { createAttribute, deleteAttribute } from "./actions";
import { attributeKey } from "./validation";

const database = withTestDatabase();

async function setup() {
  const company = await createCompany(database.db);
  const admin = await createUser(database.db, company.id, { role: "admin" });
  const agent = await createUser(database.db, company.id);
  return { company, admin, agent, context: contextFor(database.db, admin, company.id) };
}

describe("custom attributes (EDIT-5)", () => {
  it("creates typed attributes that templates may then use", async () => {
    const { company, context } = await setup();
    expect(await createAttribute.run(context, { category: "customer", label: "Couleur du véhicule", type: "string" })).toMatchObject({ ok: true, data: { key: "couleur_du_vehicule" } });
    expect(await createAttribute.run(context, { category: "event", label: "Options", type: "collection", options: "Lavage\nAspirateur\n" })).toMatchObject({
      ok: true,
      data: { type: "collection", options: ["Lavage", "Aspirateur"] },
    });
    expect(await companyTemplateProblem(database.db, company.id, "Votre { customer.couleur_du_vehicule } est prête")).toBeNull();
    expect(await companyTemplateProblem(database.db, company.id, "{ customer.couleur }")).toEqual({ kind: "unknown_attributes", names: ["customer.couleur"] });
    expect(await companyTemplateProblem(database.db, company.id, "Bonjour {customer}")).toMatchObject({ kind: "syntax", position: 8 });
  });

  it("refuses agents, a collection without values, duplicates and built-in names", async () => {
    const { company, agent, context } = await setup();
    expect(await createAttribute.run(contextFor(database.db, agent, company.id), { category: "customer", label: "X", type: "string" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await createAttribute.run(context, { category: "customer", label: "Modèle", type: "collection", options: "" })).toMatchObject({ ok: false, fieldErrors: { options: ["attributes.optionsRequired"] } });
    await createAttribute.run(context, { category: "customer", label: "Kilométrage", type: "number" });
    expect(await createAttribute.run(context, { category: "customer", label: "kilometrage", type: "number" })).toEqual({ ok: false, error: "attributes.keyTaken", values: { key: "kilometrage" } });
    expect(await createAttribute.run(context, { category: "customer", label: "First name", type: "string" })).toEqual({ ok: false, error: "attributes.keyReserved", values: { key: "first_name" } });
    expect(await createAttribute.run(context, { category: "vehicle", label: "Roues", type: "number" })).toMatchObject({ ok: false, fieldErrors: { category: ["attributes.categoryInvalid"] } });
  });

  it("deletes an attribute and its values on every customer, and only in its company", async () => {
    const { company, context } = await setup();
    const created = await createAttribute.run(context, { category: "customer", label: "Plaque", type: "string" });
    const id = created.ok ? created.data.id : "";
    const customer = await createCustomer(database.db, company.id, { attributes: { plaque: "ABC 123", autre: "garde" } });
    const other = await setup();
    expect(await deleteAttribute.run(other.context, { id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await deleteAttribute.run(context, { id })).toEqual({ ok: true, data: { id, valuesRemoved: 1 } });
    const [saved] = await database.db.select().from(customers).where(eq(customers.id, customer.id));
    expect(saved!.attributes).toEqual({ autre: "garde" });
    expect(await database.db.select().from(customAttributeDefinitions).where(eq(customAttributeDefinitions.id, id))).toEqual([]);
  });

  it("creates a money attribute whose value is texted as money in the customer's language", async () => {
    const { company, admin, context } = await setup();
    expect(await createAttribute.run(context, { category: "customer", label: "Solde", type: "money" })).toMatchObject({ ok: true, data: { key: "solde", type: "money" } });
    const french = await createCustomer(database.db, company.id, { language: "fr", attributes: { solde: 644 } });
    const english = await createCustomer(database.db, company.id, { language: "en", attributes: { solde: 1343.67 } });
    const midday = new Date("2026-11-24T17:00:00Z");
    const send = async (customerId: string) => {
      const sent = await sendSms(database.db, { companyId: company.id, customerId, body: "Solde : { customer.solde }", category: "general", source: { kind: "manual" } }, { provider: localSmsProvider, now: midday });
      if (!sent.ok) throw new Error(sent.reason);
      const [stored] = await database.db.select().from(messages).where(eq(messages.id, sent.message.id));
      return stored!.body.replace(/[\u00a0\u202f]/g, " ");
    };
    expect(await send(french.id)).toBe("Solde : 644,00 $");
    expect(await send(english.id)).toBe("Solde : $1,343.67");
    void admin;
  });

  it("turns any label into a safe key", () => {
    expect(attributeKey("Année du véhicule")).toBe("annee_du_vehicule");
    expect(attributeKey("  4 roues motrices! ")).toBe("a_4_roues_motrices");
  });
});
