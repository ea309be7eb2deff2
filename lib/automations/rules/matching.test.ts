import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { queryRows } from "@/db/client";
import { audienceSelect, AudienceRuleError, countAudience, sampleAudience, type AudienceSubject } from "@/db/queries/audience";
import * as s from "@/db/schema";
import type { AudienceCondition, AudienceRules } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer } from "@/tests/factories";
import { audienceCatalogue, audienceRulesSchemaFor, operatorsFor } from "./index";

const database = withTestDatabase();
const TZ = "America/Toronto";
// 10:00 in Toronto; "today" there is 2027-06-15.
const NOW = new Date("2027-06-15T14:00:00Z");
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let companyId = "";
const names = new Map<string, string>();

beforeAll(async () => {
  const { db } = database;
  companyId = (await createCompany(db, { timezone: TZ })).id;
  const other = await createCompany(db, { timezone: TZ });
  const customer = async (firstName: string, lastName: string, company = companyId) => {
    const row = await createCustomer(db, company, { firstName, lastName, attributes: { city: lastName.toLowerCase().startsWith("c") ? "Trois-Rivières" : "Montréal" } });
    names.set(row.id, firstName);
    return row;
  };
  const helene = await customer("Hélène", "Côté");
  const eric = await customer("ERIC", "Cote");
  const zoe = await customer("Zoë", "Lefèvre");
  await customer("Noël", "Œuvre");
  const twin = await customer("Twin", "Côté", other.id);
  await db.insert(s.appointments).values([
    // Hélène: one in 3 days. Eric: one in 20 days and a cancelled one tomorrow. Zoë: only a past one. Noël: none.
    { companyId, customerId: helene.id, startAt: days(3), type: "Réparation carrosserie", status: "scheduled" },
    { companyId, customerId: eric.id, startAt: days(20), type: "Vidange", status: "scheduled" },
    { companyId, customerId: eric.id, startAt: days(1), type: "Vidange", status: "cancelled" },
    { companyId, customerId: zoe.id, startAt: days(-30), type: "Pneus d'été", status: "completed" },
    { companyId: other.id, customerId: twin.id, startAt: days(2), type: "Vidange", status: "scheduled" },
  ]);
  const conversation = await createConversation(db, companyId, zoe.id);
  await db.insert(s.messages).values({
    companyId,
    conversationId: conversation.id,
    customerId: zoe.id,
    direction: "inbound",
    // Decomposed accents (e + combining acute), as some phones send them.
    body: "Le rendez-vous de je\u0301udi me conviENT, merci".normalize("NFD"),
    sourceKind: "customer",
    status: "received",
  });
});

const c = (category: AudienceCondition["category"], attribute: string, operator: string, value?: AudienceCondition["value"]): AudienceCondition => ({ category, attribute, operator, value });
const all = (...conditions: AudienceCondition[]): AudienceRules => ({ all: conditions.map((condition) => ({ any: [condition] })) });

async function who(rules: AudienceRules, subject: AudienceSubject = "customer") {
  const query = { companyId, rules, subject, now: NOW, timeZone: TZ };
  const rows = await sampleAudience(database.db, { ...query, limit: 100 });
  expect(await countAudience(database.db, query)).toBe(rows.length);
  return rows.map((row) => names.get(row.customerId) ?? row.customerId).sort();
}

describe("text rules ignore case and accents, in the one SQL query", () => {
  it("contains, is, starts with, and their negations, whichever side has the accents", async () => {
    expect(await who(all(c("customer", "last_name", "contains", "Cote")))).toEqual(["ERIC", "Hélène"]);
    expect(await who(all(c("customer", "last_name", "is", "CÔTÉ")))).toEqual(["ERIC", "Hélène"]);
    expect(await who(all(c("customer", "first_name", "is", "helene")))).toEqual(["Hélène"]);
    expect(await who(all(c("customer", "first_name", "starts_with", "éri")))).toEqual(["ERIC"]);
    expect(await who(all(c("customer", "last_name", "is_not", "cote")))).toEqual(["Noël", "Zoë"]);
    expect(await who(all(c("customer", "last_name", "not_contains", "LEFEVRE")))).toEqual(["ERIC", "Hélène", "Noël"]);
    expect(await who(all(c("customer", "last_name", "starts_with", "oeuv")))).toEqual(["Noël"]);
    expect(await who(all(c("customer", "attributes.city", "contains", "rivieres")))).toEqual(["ERIC", "Hélène"]);
  });

  it("on appointments, events and received texts too, decomposed accents included", async () => {
    expect(await who(all(c("appointment", "type", "contains", "reparation")))).toEqual(["Hélène"]);
    expect(await who(all(c("appointment", "type", "starts_with", "PNEUS D'ETE")))).toEqual(["Zoë"]);
    expect(await who(all(c("message_received", "body", "contains", "jeudi me convient")))).toEqual(["Zoë"]);
    expect(await who(all(c("appointment", "type", "is", "vidange")), "appointment")).toEqual(["ERIC", "ERIC"]);
  });

  it("keeps to one parameterised statement the trigram indexes can answer", async () => {
    const statement = audienceSelect({ companyId, rules: all(c("appointment", "type", "contains", "Côté")), subject: "customer", now: NOW, timeZone: TZ });
    const { db } = database;
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = await queryRows<{ "QUERY PLAN": string }>(tx, sql`explain select 1 from appointments where parley_fold(type) like parley_fold(${"%Côté%"}::text)`);
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("appointments_type_trgm_idx");
    });
    const [folded] = await queryRows<{ value: string }>(db, sql`select parley_fold(${"ÀÉÎÕÜ çœ Æß Ÿ"}::text) as value`);
    expect(folded!.value).toBe("aeiou coe aess y");
    // The value is a bound parameter, folded by the same function as the indexed column.
    const compiled = new PgDialect().sqlToQuery(statement);
    expect(compiled.sql).toMatch(/parley_fold\(a\.type\) like parley_fold\(\$\d+::text\)/);
    expect(compiled.sql).not.toContain("Côté");
    expect(compiled.params).toContain("%Côté%");
  });
});

describe("has no appointment", () => {
  it("is in the catalogue as its own attribute of appointments, with its two spans", () => {
    const attribute = audienceCatalogue([]).appointment.find((a) => a.key === "none");
    expect(attribute).toMatchObject({ type: "absence", labelKey: "automationRules.attributes.appointment.none" });
    expect(operatorsFor("absence")).toEqual(["none_within_next_days", "none_ever"]);
    const schema = audienceRulesSchemaFor(audienceCatalogue([]));
    expect(schema.safeParse(all(c("appointment", "none", "none_within_next_days", 30))).success).toBe(true);
    expect(schema.safeParse(all(c("appointment", "none", "none_within_next_days"))).error?.issues[0]?.message).toBe("automations.errors.ruleValueMissing");
    expect(schema.safeParse(all(c("appointment", "start_at", "none_ever"))).error?.issues[0]?.message).toBe("automations.errors.ruleOperatorInvalid");
  });

  it("in the next N days: none booked in that span (cancelled ones don't count); ever: none at all", async () => {
    expect(await who(all(c("appointment", "none", "none_within_next_days", 7)))).toEqual(["ERIC", "Noël", "Zoë"]);
    expect(await who(all(c("appointment", "none", "none_within_next_days", 30)))).toEqual(["Noël", "Zoë"]);
    expect(await who(all(c("appointment", "none", "none_within_next_days", 0)))).toEqual(["ERIC", "Hélène", "Noël", "Zoë"]);
    expect(await who(all(c("appointment", "none", "none_ever")))).toEqual(["Noël"]);
    // ANDed with a text rule: "Côté with nothing booked this week".
    expect(await who(all(c("customer", "last_name", "is", "cote"), c("appointment", "none", "none_within_next_days", 7)))).toEqual(["ERIC"]);
  });

  it("refuses an absence operator on any other attribute", () => {
    expect(() => audienceSelect({ companyId, rules: all(c("appointment", "start_at", "none_ever")), subject: "customer", now: NOW, timeZone: TZ })).toThrow(AudienceRuleError);
    expect(() => audienceSelect({ companyId, rules: all(c("customer", "first_name", "none_ever")), subject: "customer", now: NOW, timeZone: TZ })).toThrow(AudienceRuleError);
    expect(() => audienceSelect({ companyId, rules: all(c("appointment", "none", "unknown")), subject: "customer", now: NOW, timeZone: TZ })).toThrow(AudienceRuleError);
  });
});
