import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import type { AudienceCondition, AudienceRules } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import { RULE_ERRORS } from "@/lib/automations/rules/schema";
import { resolveAudienceGroups, withAudienceGroups } from "@/db/queries/groups";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer } from "@/tests/factories";
import { audienceSelect, AudienceRuleError, countAudience, sampleAudience, type AudienceSubject } from "./audience";

const database = withTestDatabase();
const TZ = "America/Toronto";
const NOW = new Date("2027-06-15T14:00:00Z");

let companyId = "";
let otherCompanyId = "";
const names = new Map<string, string>();
const group: Record<string, string> = {};

const c = (attribute: string, operator: string, value?: AudienceCondition["value"], category: AudienceCondition["category"] = "customer"): AudienceCondition => ({
  category,
  attribute,
  operator,
  value,
});
const all = (...conditions: AudienceCondition[]): AudienceRules => ({ all: conditions.map((condition) => ({ any: [condition] })) });
const inGroup = (name: string) => c("group", "in_group", group[name]);
const notInGroup = (name: string) => c("group", "not_in_group", group[name]);

async function insertGroup(cId: string, name: string, kind: s.CustomerGroupKind, rules: AudienceRules = { all: [] }) {
  const [row] = await database.db.insert(s.customerGroups).values({ companyId: cId, name, kind, rules }).returning();
  group[name] = row!.id;
  return row!.id;
}

beforeAll(async () => {
  const { db } = database;
  companyId = (await createCompany(db, { timezone: TZ })).id;
  otherCompanyId = (await createCompany(db, { timezone: TZ })).id;
  const alice = await createCustomer(db, companyId, { firstName: "Alice", email: "alice@gmail.com", language: "fr" });
  const bob = await createCustomer(db, companyId, { firstName: "Bob", email: "bob@example.com", language: "en" });
  const chloe = await createCustomer(db, companyId, { firstName: "Chloé", email: null, language: "fr" });
  const merged = await createCustomer(db, companyId, { firstName: "Merged", mobile: null, language: "fr", mergedIntoId: alice.id });
  const twin = await createCustomer(db, otherCompanyId, { firstName: "Alice", email: "alice@gmail.com", language: "fr" });
  for (const [customer, name] of [[alice, "Alice"], [bob, "Bob"], [chloe, "Chloé"], [merged, "Merged"], [twin, "Twin"]] as const) names.set(customer.id, name);

  const vip = await insertGroup(companyId, "VIP", "static");
  await insertGroup(companyId, "Francophones", "dynamic", all(c("language", "is", "fr")));
  await insertGroup(companyId, "Gmail", "dynamic", all(c("email", "contains", "gmail")));
  await insertGroup(companyId, "Vidange", "dynamic", all(c("type", "is", "Vidange", "appointment")));
  await insertGroup(companyId, "Empty", "static");
  const theirs = await insertGroup(otherCompanyId, "Theirs", "static");
  await db.insert(s.customerGroupMembers).values([
    { groupId: vip, customerId: alice.id, companyId, source: "selection" },
    { groupId: vip, customerId: bob.id, companyId, source: "import" },
    // A merged-away member never counts.
    { groupId: vip, customerId: merged.id, companyId, source: "selection" },
    { groupId: theirs, customerId: twin.id, companyId: otherCompanyId, source: "selection" },
  ]);
  // Nested: the VIPs who don't speak French, and a dynamic group naming a static one.
  await insertGroup(companyId, "VIP anglophones", "dynamic", all(inGroup("VIP"), notInGroup("Francophones")));
  await db.insert(s.appointments).values([
    { companyId, customerId: alice.id, startAt: new Date("2027-06-16T19:00:00Z"), type: "Vidange", status: "scheduled" },
    { companyId, customerId: alice.id, startAt: new Date("2027-06-17T19:00:00Z"), type: "Lavage", status: "scheduled" },
    { companyId, customerId: bob.id, startAt: new Date("2027-06-18T19:00:00Z"), type: "Lavage", status: "scheduled" },
  ]);
});

async function who(rules: AudienceRules, subject: AudienceSubject = "customer", company = companyId) {
  const query = await withAudienceGroups(database.db, { companyId: company, rules, subject, now: NOW, timeZone: TZ });
  const rows = await sampleAudience(database.db, { ...query, limit: 1000 });
  expect(await countAudience(database.db, query)).toBe(rows.length);
  return rows.map((row) => names.get(row.customerId) ?? row.customerId).sort();
}

describe("'is / is not in group' compiled to SQL", () => {
  it("a static group is its members; 'not in' everyone else of the company; merged-away members never count", async () => {
    expect(await who(all(inGroup("VIP")))).toEqual(["Alice", "Bob"]);
    expect(await who(all(notInGroup("VIP")))).toEqual(["Chloé"]);
    expect(await who(all(inGroup("Empty")))).toEqual([]);
    expect(await who(all(notInGroup("Empty")))).toEqual(["Alice", "Bob", "Chloé"]);
    expect(await who(all(inGroup("Theirs")), "customer", otherCompanyId)).toEqual(["Twin"]);
  });

  it("a dynamic group is its rules, re-evaluated now; 'not in' also matches what its rules cannot tell", async () => {
    expect(await who(all(inGroup("Francophones")))).toEqual(["Alice", "Chloé"]);
    expect(await who(all(notInGroup("Francophones")))).toEqual(["Bob"]);
    // Chloé has no email: "contains gmail" is unknown for her, so she is not in the group.
    expect(await who(all(notInGroup("Gmail")))).toEqual(["Bob", "Chloé"]);
    await database.db.update(s.customers).set({ email: "chloe@gmail.com" }).where(eqName("Chloé"));
    expect(await who(all(inGroup("Gmail")))).toEqual(["Alice", "Chloé"]);
    await database.db.update(s.customers).set({ email: null }).where(eqName("Chloé"));
  });

  it("groups nest and combine with other rules, ANDed and ORed", async () => {
    expect(await who(all(inGroup("VIP anglophones")))).toEqual(["Bob"]);
    expect(await who({ all: [{ any: [inGroup("VIP anglophones"), c("first_name", "is", "Chloé")] }] })).toEqual(["Bob", "Chloé"]);
    expect(await who(all(inGroup("Francophones"), inGroup("VIP")))).toEqual(["Alice"]);
  });

  it("a group is about the customer whatever the subject: its appointment rules read 'has an appointment whose…'", async () => {
    expect(await who(all(inGroup("Vidange")))).toEqual(["Alice"]);
    // Appointment subject: every appointment of a customer in the group, not only the oil change.
    const rows = await sampleAudience(database.db, {
      ...(await withAudienceGroups(database.db, { companyId, rules: all(inGroup("Vidange")), subject: "appointment", now: NOW, timeZone: TZ })),
      limit: 10,
    });
    expect(rows.map((row) => names.get(row.customerId))).toEqual(["Alice", "Alice"]);
    expect(await who(all(inGroup("VIP"), c("type", "is", "Lavage", "appointment")), "appointment")).toEqual(["Alice", "Bob"]);
  });

  it("refuses another company's group, an unknown one, and a rule compiled without its groups", async () => {
    const refusal = (rules: AudienceRules) => resolveAudienceGroups(database.db, { companyId, rules }).then(() => null, (error: unknown) => error);
    const theirs = await refusal(all(inGroup("Theirs")));
    expect(theirs).toBeInstanceOf(SafeError);
    expect((theirs as SafeError).message).toBe(RULE_ERRORS.groupUnknown);
    expect(((await refusal(all(c("group", "in_group", "00000000-0000-4000-8000-000000000000")))) as SafeError).message).toBe(RULE_ERRORS.groupUnknown);
    // Company B's group id never reaches SQL unchecked: the compiler refuses a group it was not given.
    expect(() => audienceSelect({ companyId, rules: all(inGroup("VIP")), subject: "customer", now: NOW, timeZone: TZ })).toThrow(AudienceRuleError);
    expect(() => audienceSelect({ companyId, rules: all(c("group", "contains", group.VIP)), subject: "customer", now: NOW, timeZone: TZ, groups: { [group.VIP!]: { kind: "static" } } })).toThrow(AudienceRuleError);
  });

  it("refuses a group that names itself, directly or through another", async () => {
    const loopA = await insertGroup(companyId, "Loop A", "dynamic");
    const loopB = await insertGroup(companyId, "Loop B", "dynamic", all(c("group", "in_group", loopA)));
    await database.db.update(s.customerGroups).set({ rules: all(c("group", "in_group", loopB)) }).where(eqGroup(loopA));
    const error = await resolveAudienceGroups(database.db, { companyId, rules: all(inGroup("Loop A")) }).catch((e: unknown) => e);
    expect((error as SafeError).message).toBe(RULE_ERRORS.groupCycle);
    // Saving a group with rules naming itself (or a group that names it) is a cycle too.
    const self = await resolveAudienceGroups(database.db, { companyId, rules: all(inGroup("VIP")), self: { id: group.Francophones! } }).then(() => "ok");
    expect(self).toBe("ok");
    for (const [name, rules] of [
      ["Gmail", all(inGroup("Gmail"))],
      ["Francophones", all(inGroup("VIP anglophones"))],
    ] as const) {
      const refused = await resolveAudienceGroups(database.db, { companyId, rules, self: { id: group[name]! } }).catch((e: unknown) => e);
      expect([name, (refused as SafeError).message]).toEqual([name, RULE_ERRORS.groupCycle]);
    }
    // Even handed a cyclic map, the compiler stops instead of recursing forever.
    const cyclic = { [loopA]: { kind: "dynamic" as const, rules: all(c("group", "in_group", loopB)) }, [loopB]: { kind: "dynamic" as const, rules: all(c("group", "in_group", loopA)) } };
    expect(() => audienceSelect({ companyId, rules: all(inGroup("Loop A")), subject: "customer", now: NOW, timeZone: TZ, groups: cyclic })).toThrow(AudienceRuleError);
  });
});

function eqName(name: string) {
  const id = [...names].find(([, n]) => n === name)![0];
  return eq(s.customers.id, id);
}
function eqGroup(id: string) {
  return eq(s.customerGroups.id, id);
}
