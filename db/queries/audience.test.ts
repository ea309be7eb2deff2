import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { queryRows } from "@/db/client";
import * as s from "@/db/schema";
import type { AudienceCondition, AudienceRules } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer } from "@/tests/factories";
import { audienceSelect, AudienceRuleError, countAudience, countAudienceCustomers, sampleAudience, type AudienceSubject } from "./audience";

const database = withTestDatabase();
const TZ = "America/Toronto";
// A Tuesday, 10:00 in Toronto (EDT, UTC-4): "today" there is 2027-06-15.
const NOW = new Date("2027-06-15T14:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const INJECTION = "'; drop table customers; --";

let companyId = "";
let otherCompanyId = "";
const names = new Map<string, string>();

async function seed() {
  const { db } = database;
  const company = await createCompany(db, { timezone: TZ });
  const other = await createCompany(db, { timezone: TZ });
  companyId = company.id;
  otherCompanyId = other.id;

  const alice = await createCustomer(db, companyId, {
    firstName: "Alice",
    lastName: "Martin",
    email: "alice@gmail.com",
    language: "fr",
    attributes: { vehicle_year: 2019, models: ["Civic", "CR-V"], lease_end: "2027-06-20", note: INJECTION },
  });
  const bob = await createCustomer(db, companyId, {
    firstName: "Bob",
    lastName: "Roy",
    email: null,
    language: "en",
    attributes: { vehicle_year: "2012", models: "Civic", lease_end: "2027-01-01" },
  });
  const chloe = await createCustomer(db, companyId, { firstName: "Chloé", lastName: "Gagnon", email: "", attributes: { models: [], vehicle_year: null } });
  const dan = await createCustomer(db, companyId, {
    firstName: "Dan",
    lastName: "Martinez",
    email: "dan@example.com",
    attributes: { vehicle_year: 2023, models: ["Accord"] },
  });
  // Merged away: matches everything, counts for nothing.
  const merged = await createCustomer(db, companyId, {
    firstName: "Merged",
    lastName: "Martin",
    mobile: null,
    attributes: { vehicle_year: 2019, models: ["Civic"] },
    mergedIntoId: alice.id,
  });
  // Company B's twin of Alice, with rows matching every rule below.
  const twin = await createCustomer(db, otherCompanyId, {
    firstName: "Alice",
    lastName: "Martin",
    email: "alice@gmail.com",
    attributes: { vehicle_year: 2019, models: ["Civic", "CR-V", "Accord"], lease_end: "2027-06-20", note: INJECTION },
  });
  for (const [customer, name] of [
    [alice, "Alice"],
    [bob, "Bob"],
    [chloe, "Chloé"],
    [dan, "Dan"],
    [merged, "Merged"],
    [twin, "Twin"],
  ] as const)
    names.set(customer.id, name);

  await db.insert(s.appointments).values([
    { companyId, customerId: alice.id, startAt: new Date("2027-06-16T19:00:00Z"), type: "Vidange", status: "scheduled" },
    { companyId, customerId: alice.id, startAt: new Date("2027-06-16T13:00:00Z"), type: "Lavage", status: "scheduled" },
    { companyId, customerId: bob.id, startAt: hours(1.5), type: "Pneus d'hiver", status: "confirmed", durationMinutes: 30 },
    { companyId, customerId: chloe.id, startAt: new Date("2027-06-10T14:00:00Z"), type: "Vidange", status: "completed" },
    { companyId, customerId: dan.id, startAt: new Date("2027-06-18T14:00:00Z"), type: "Inspection", status: "scheduled" },
    { companyId, customerId: merged.id, startAt: hours(1), type: "Vidange", status: "scheduled" },
    { companyId: otherCompanyId, customerId: twin.id, startAt: hours(1), type: "Vidange", status: "scheduled", durationMinutes: 15 },
  ]);
  await db.insert(s.customerEvents).values([
    { companyId, customerId: alice.id, number: "RO-1", status: "closed", occurredAt: hours(-2), attributes: { amount: 450, mileage: 80000 } },
    { companyId, customerId: bob.id, number: "RO-2", status: "closed", occurredAt: hours(-23), attributes: { amount: 90 } },
    { companyId, customerId: dan.id, number: "RO-3", status: "open", occurredAt: new Date("2027-06-01T14:00:00Z"), attributes: { amount: "1200" } },
    { companyId: otherCompanyId, customerId: twin.id, number: "RO-9", status: "closed", occurredAt: hours(-2), attributes: { amount: 5000 } },
  ]);
  const message = async (cId: string, customerId: string, direction: "inbound" | "outbound", body: string) => {
    const conversation = await createConversation(db, cId, customerId);
    await db.insert(s.messages).values({
      companyId: cId,
      conversationId: conversation.id,
      customerId,
      direction,
      body,
      sourceKind: direction === "inbound" ? "customer" : "manual",
      status: direction === "inbound" ? "received" : "delivered",
    });
  };
  await message(companyId, alice.id, "inbound", "Est-ce que ma voiture est prête?");
  await message(companyId, bob.id, "inbound", "Je veux des PNEUS d'hiver SVP");
  await message(companyId, dan.id, "outbound", "Vos pneus sont arrivés");
  await message(companyId, chloe.id, "inbound", "100% satisfaite_ merci");
  await message(otherCompanyId, twin.id, "inbound", "pneus pneus pneus");
}

beforeAll(seed);

const c = (category: AudienceCondition["category"], attribute: string, operator: string, value?: AudienceCondition["value"]): AudienceCondition => ({
  category,
  attribute,
  operator,
  value,
});
/** One rule per condition (ANDed). */
const all = (...conditions: AudienceCondition[]): AudienceRules => ({ all: conditions.map((condition) => ({ any: [condition] })) });
const any = (...conditions: AudienceCondition[]): AudienceRules => ({ all: [{ any: conditions }] });

async function who(rules: AudienceRules, subject: AudienceSubject = "customer", company = companyId, now = NOW) {
  const query = { companyId: company, rules, subject, now, timeZone: TZ };
  const rows = await sampleAudience(database.db, { ...query, limit: 1000 });
  expect(await countAudience(database.db, query)).toBe(rows.length);
  return rows.map((row) => names.get(row.customerId) ?? row.customerId).sort();
}

describe("audience rules compiled to SQL", () => {
  it("matches everyone of the company with no rule, never a merged-away customer or another company's", async () => {
    expect(await who({ all: [] })).toEqual(["Alice", "Bob", "Chloé", "Dan"]);
    expect(await who({ all: [] }, "customer", otherCompanyId)).toEqual(["Twin"]);
    expect(await who(all(c("customer", "first_name", "is", "Merged")))).toEqual([]);
  });

  it("text operators, case-insensitive; unknown and known treat empty as unknown; negations include unknowns", async () => {
    expect(await who(all(c("customer", "first_name", "contains", "LI")))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "email", "not_contains", "gmail")))).toEqual(["Bob", "Chloé", "Dan"]);
    expect(await who(all(c("customer", "last_name", "is", "roy")))).toEqual(["Bob"]);
    expect(await who(all(c("customer", "last_name", "is_not", "Roy")))).toEqual(["Alice", "Chloé", "Dan"]);
    expect(await who(all(c("customer", "last_name", "starts_with", "mart")))).toEqual(["Alice", "Dan"]);
    expect(await who(all(c("customer", "email", "unknown")))).toEqual(["Bob", "Chloé"]);
    expect(await who(all(c("customer", "email", "known")))).toEqual(["Alice", "Dan"]);
    expect(await who(all(c("customer", "language", "is", "en")))).toEqual(["Bob"]);
    expect(await who(all(c("customer", "attributes.note", "unknown")))).toEqual(["Bob", "Chloé", "Dan"]);
  });

  it("number operators on a custom attribute stored as a number or numeric text, and on a built-in column", async () => {
    expect(await who(all(c("customer", "attributes.vehicle_year", "eq", 2019)))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.vehicle_year", "neq", 2019)))).toEqual(["Bob", "Chloé", "Dan"]);
    expect(await who(all(c("customer", "attributes.vehicle_year", "gt", 2015)))).toEqual(["Alice", "Dan"]);
    expect(await who(all(c("customer", "attributes.vehicle_year", "lt", 2015)))).toEqual(["Bob"]);
    expect(await who(all(c("customer", "attributes.vehicle_year", "between", [2012, 2019])))).toEqual(["Alice", "Bob"]);
    expect(await who(all(c("customer", "attributes.vehicle_year", "unknown")))).toEqual(["Chloé"]);
    expect(await who(all(c("customer", "attributes.vehicle_year", "known")))).toEqual(["Alice", "Bob", "Dan"]);
    expect(await who(all(c("appointment", "duration_minutes", "lt", 45)))).toEqual(["Bob"]);
  });

  it("date operators on a custom date, in the company's calendar", async () => {
    expect(await who(all(c("customer", "attributes.lease_end", "before", "2027-06-01")))).toEqual(["Bob"]);
    expect(await who(all(c("customer", "attributes.lease_end", "after", "2027-06-19")))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.lease_end", "after", "2027-06-20")))).toEqual([]);
    expect(await who(all(c("customer", "attributes.lease_end", "on", "2027-06-20")))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.lease_end", "within_next_days", 5)))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.lease_end", "within_next_days", 4)))).toEqual([]);
    // A calendar date due today (the lease ends on the 20th; it is now 10:00 that day).
    expect(await who(all(c("customer", "attributes.lease_end", "within_next_days", 0)), "customer", companyId, new Date("2027-06-20T14:00:00Z"))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.lease_end", "within_last_days", 0)), "customer", companyId, new Date("2027-06-20T14:00:00Z"))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.lease_end", "days_ago", 1)), "customer", companyId, new Date("2027-06-21T14:00:00Z"))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.lease_end", "unknown")))).toEqual(["Chloé", "Dan"]);
    expect(await who(all(c("customer", "attributes.lease_end", "known")))).toEqual(["Alice", "Bob"]);
    expect(await who(all(c("customer", "created_at", "within_last_days", 3650)))).toEqual(["Alice", "Bob", "Chloé", "Dan"]);
    expect(await who(all(c("customer", "created_at", "after", "2027-06-15")))).toEqual([]);
  });

  it("appointment within the next N days, N hours before, N days after, exactly N days ago", async () => {
    expect(await who(all(c("appointment", "start_at", "within_next_days", 1)))).toEqual(["Alice", "Bob"]);
    expect(await who(all(c("appointment", "start_at", "within_next_days", 0)))).toEqual(["Bob"]);
    expect(await who(all(c("appointment", "start_at", "within_next_days", 3)))).toEqual(["Alice", "Bob", "Dan"]);
    expect(await who(all(c("appointment", "start_at", "before_subject", { amount: 2, unit: "hours" })))).toEqual(["Bob"]);
    expect(await who(all(c("appointment", "start_at", "before_subject", { amount: 30, unit: "minutes" })))).toEqual([]);
    expect(await who(all(c("appointment", "start_at", "after_subject", { amount: 5, unit: "days" })))).toEqual(["Chloé"]);
    expect(await who(all(c("appointment", "start_at", "after_subject", { amount: 3, unit: "days" })))).toEqual([]);
    expect(await who(all(c("appointment", "start_at", "days_ago", 5)))).toEqual(["Chloé"]);
    expect(await who(all(c("appointment", "start_at", "on", "2027-06-18")))).toEqual(["Dan"]);
    expect(await who(all(c("appointment", "type", "contains", "pneus")))).toEqual(["Bob"]);
  });

  it("one row per appointment when the subject is the appointment, its rules applied to that row", async () => {
    const rules = all(c("appointment", "start_at", "within_next_days", 1), c("appointment", "status", "is", "scheduled"));
    const rows = await sampleAudience(database.db, { companyId, rules, subject: "appointment", now: NOW, timeZone: TZ, limit: 10 });
    expect(rows.map((row) => [names.get(row.customerId), row.subjectAt?.toISOString()])).toEqual([
      ["Alice", "2027-06-16T13:00:00.000Z"],
      ["Alice", "2027-06-16T19:00:00.000Z"],
    ]);
    expect(rows.every((row) => row.appointmentId && !row.eventId)).toBe(true);
    expect(await countAudienceCustomers(database.db, { companyId, rules, subject: "appointment", now: NOW, timeZone: TZ })).toBe(1);
    // Subject customer: one row per customer (Bob's is confirmed, Dan's in three days).
    expect(await who(rules)).toEqual(["Alice"]);
    // A reminder "2 hours before" for appointments, with a customer rule beside it.
    expect(
      await who(all(c("appointment", "start_at", "before_subject", { amount: 2, unit: "hours" }), c("customer", "language", "is", "en")), "appointment"),
    ).toEqual(["Bob"]);
  });

  it("event attribute > N, on the event row or as EXISTS for a customer", async () => {
    const rules = all(c("event", "attributes.amount", "gt", 100));
    expect(await who(rules, "event")).toEqual(["Alice", "Dan"]);
    expect(await who(rules)).toEqual(["Alice", "Dan"]);
    expect(await who(all(c("event", "occurred_at", "within_last_days", 0)), "event")).toEqual(["Alice"]);
    expect(await who(all(c("event", "occurred_at", "after_subject", { amount: 1, unit: "hours" }), c("event", "status", "is", "closed")), "event")).toEqual([
      "Alice",
      "Bob",
    ]);
    const events = await sampleAudience(database.db, { companyId, rules, subject: "event", now: NOW, timeZone: TZ, limit: 10 });
    expect(events.every((row) => row.eventId && !row.appointmentId && row.subjectAt)).toBe(true);
  });

  it("message received contains: inbound messages only, of this company", async () => {
    expect(await who(all(c("message_received", "body", "contains", "pneus")))).toEqual(["Bob"]);
    expect(await who(all(c("message_received", "body", "contains", "arrivés")))).toEqual([]);
    expect(await who(all(c("message_received", "body", "contains", "pneus")), "customer", otherCompanyId)).toEqual(["Twin"]);
  });

  it("collections: any, all, none, a lone value counting as a list of one; sub-rules ORed", async () => {
    expect(await who(all(c("customer", "attributes.models", "includes_any", ["Civic"])))).toEqual(["Alice", "Bob"]);
    expect(await who(all(c("customer", "attributes.models", "includes_any", ["Accord", "CR-V"])))).toEqual(["Alice", "Dan"]);
    expect(await who(all(c("customer", "attributes.models", "includes_all", ["Civic", "CR-V"])))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.models", "includes_none", ["Civic"])))).toEqual(["Chloé", "Dan"]);
    expect(await who(all(c("customer", "attributes.models", "unknown")))).toEqual(["Chloé"]);
    expect(await who(all(c("customer", "attributes.models", "known")))).toEqual(["Alice", "Bob", "Dan"]);
    expect(
      await who(any(c("customer", "attributes.models", "includes_any", ["Accord"]), c("customer", "attributes.models", "includes_all", ["Civic", "CR-V"]))),
    ).toEqual(["Alice", "Dan"]);
  });

  it("nested AND of ORs across categories", async () => {
    const rules: AudienceRules = {
      all: [
        { any: [c("customer", "last_name", "starts_with", "mart"), c("customer", "language", "is", "en")] },
        { any: [c("customer", "attributes.vehicle_year", "gt", 2020), c("customer", "email", "unknown"), c("message_received", "body", "contains", "voiture")] },
      ],
    };
    expect(await who(rules)).toEqual(["Alice", "Bob", "Dan"]);
    rules.all.push({ any: [c("appointment", "start_at", "within_next_days", 1)] });
    expect(await who(rules)).toEqual(["Alice", "Bob"]);
    // A rule without sub-rules matches no one (the schema refuses it before).
    expect(await who({ all: [{ any: [] }] })).toEqual([]);
  });

  it("values that try SQL injection are bound parameters, stored and matched as text", async () => {
    expect(await who(all(c("customer", "attributes.note", "is", INJECTION)))).toEqual(["Alice"]);
    expect(await who(all(c("customer", "attributes.note", "contains", "drop table")))).toEqual(["Alice"]);
    // LIKE wildcards in a value are literal characters.
    expect(await who(all(c("message_received", "body", "contains", "100%")))).toEqual(["Chloé"]);
    expect(await who(all(c("message_received", "body", "contains", "_")))).toEqual(["Chloé"]);
    expect(await who(all(c("customer", "first_name", "contains", "%")))).toEqual([]);
    // An attribute key is a parameter too.
    expect(await who(all(c("customer", `attributes.x') or true; drop table customers; --`, "known")))).toEqual([]);
    const query = new PgDialect().sqlToQuery(
      audienceSelect({ companyId, rules: all(c("customer", "attributes.note", "is", INJECTION), c("customer", "first_name", "contains", INJECTION)), subject: "customer", now: NOW, timeZone: TZ }),
    );
    expect(query.sql).not.toContain("drop table");
    expect(query.params).toContain(INJECTION);
    const [row] = await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from customers where company_id = ${companyId}`);
    expect(row!.count).toBe(5);
  });

  it("refuses what it cannot compile rather than guessing", () => {
    const compile = (condition: AudienceCondition) => audienceSelect({ companyId, rules: all(condition), subject: "customer", now: NOW, timeZone: TZ });
    expect(() => compile(c("customer", "shoe_size", "eq", 3))).toThrow(AudienceRuleError);
    expect(() => compile(c("customer", "first_name", "gt", 3))).toThrow(AudienceRuleError);
    expect(() => compile(c("customer", "first_name", "drop", "x"))).toThrow(AudienceRuleError);
    expect(() => compile(c("customer", "first_name", "contains"))).toThrow(AudienceRuleError);
    expect(() => compile(c("customer", "__proto__", "known"))).toThrow(AudienceRuleError);
    expect(() => compile(c("message_received", "attributes.x", "known"))).toThrow(AudienceRuleError);
  });
});
