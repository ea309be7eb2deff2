import Papa from "papaparse";
import { and, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import type { AudienceRules } from "@/db/schema";
import { countGroupMembers, listGroups } from "@/db/queries/groups";
import { countAutomationAudience, createAutomation } from "@/lib/automations/actions";
import { emptyDefinition } from "@/lib/automations/validation";
import { RULE_ERRORS } from "@/lib/automations/rules/schema";
import { mergeCustomers } from "@/lib/customers/merge";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import {
  addCustomersToGroup,
  archiveGroup,
  countGroupAudience,
  createGroup,
  freezeGroup,
  loadGroupMembers,
  removeCustomersFromGroup,
  restoreGroup,
  updateGroup,
} from "./actions";
import { exportGroupCsv } from "./export";
import { findImport } from "@/db/queries/imports";
import { startImport } from "@/lib/imports/actions";
import { importDrainSettled } from "@/lib/imports/queue";
import { uploadCsv } from "@/tests/imports";

const database = withTestDatabase();

const french: AudienceRules = { all: [{ any: [{ category: "customer", attribute: "language", operator: "is", value: "fr" }] }] };
const inGroup = (groupId: string, operator = "in_group"): AudienceRules => ({ all: [{ any: [{ category: "customer", attribute: "group", operator, value: groupId }] }] });

async function setup() {
  const { db } = database;
  const company = await createCompany(db);
  const other = await createCompany(db);
  const adminUser = await createUser(db, company.id, { role: "admin" });
  const agent = await createUser(db, company.id);
  const otherAdmin = await createUser(db, other.id, { role: "admin" });
  const alice = await createCustomer(db, company.id, { firstName: "Alice", lastName: "Martin", language: "fr", email: "alice@example.com", attributes: { vehicle: "=HYPERLINK(\"x\")" } });
  const bob = await createCustomer(db, company.id, { firstName: "Bob", lastName: "Roy", language: "en" });
  const chloe = await createCustomer(db, company.id, { firstName: "Chloé", lastName: "Gagnon", language: "fr" });
  const twin = await createCustomer(db, other.id, { firstName: "Twin", lastName: "Autre", language: "fr" });
  return {
    company,
    other,
    alice,
    bob,
    chloe,
    twin,
    admin: contextFor(db, adminUser, company.id),
    agent: contextFor(db, agent, company.id),
    otherAdmin: contextFor(db, otherAdmin, other.id),
  };
}

const ok = <T>(result: { ok: true; data: T } | { ok: false; error: string }) => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
};

describe("groups", () => {
  it("a dynamic group counts live, a static one its members; the list shows both, names unique", async () => {
    const { admin, alice, bob, chloe, company } = await setup();
    const dynamic = ok(await createGroup.run(admin, { kind: "dynamic", name: "Francophones", rules: french }));
    const vip = ok(await createGroup.run(admin, { kind: "static", name: "VIP", customerIds: [alice.id, bob.id] }));
    expect(ok(await countGroupAudience.run(admin, { rules: french })).count).toBe(2);
    expect(await countGroupMembers(database.db, { companyId: company.id, groupId: dynamic.id })).toBe(2);
    await database.db.update(s.customers).set({ language: "en" }).where(eq(s.customers.id, chloe.id));
    expect((await listGroups(database.db, { companyId: company.id })).map((g) => [g.name, g.kind, g.memberCount])).toEqual([
      ["Francophones", "dynamic", 1],
      ["VIP", "static", 2],
    ]);
    const taken = await createGroup.run(admin, { kind: "static", name: " vip " });
    expect(taken).toMatchObject({ ok: false, error: "groups.errors.nameTaken" });
    expect(await createGroup.run(admin, { kind: "dynamic", name: "", rules: french })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    // Members, keyset paginated by name.
    const page = ok(await loadGroupMembers.run(admin, { groupId: vip.id }));
    expect(page.customers.map((c) => c.firstName)).toEqual(["Alice", "Bob"]);
    const next = ok(await loadGroupMembers.run(admin, { groupId: vip.id, cursor: { lastName: "Martin", firstName: "Alice", id: alice.id } }));
    expect(next.customers.map((c) => c.firstName)).toEqual(["Bob"]);
  });

  it("adds and removes the directory's selection in static groups only; rename and archive", async () => {
    const { admin, agent, alice, bob, chloe, company } = await setup();
    const vip = ok(await createGroup.run(admin, { kind: "static", name: "VIP" }));
    expect(ok(await addCustomersToGroup.run(admin, { groupId: vip.id, customerIds: [alice.id, bob.id] })).count).toBe(2);
    // Adding again adds no one twice.
    expect(ok(await addCustomersToGroup.run(admin, { groupId: vip.id, customerIds: [bob.id, chloe.id] })).count).toBe(1);
    expect(ok(await removeCustomersFromGroup.run(admin, { groupId: vip.id, customerIds: [bob.id] })).count).toBe(1);
    expect(await countGroupMembers(database.db, { companyId: company.id, groupId: vip.id })).toBe(2);
    const dynamic = ok(await createGroup.run(admin, { kind: "dynamic", name: "Francophones", rules: french }));
    expect(await addCustomersToGroup.run(admin, { groupId: dynamic.id, customerIds: [bob.id] })).toMatchObject({ ok: false, error: "groups.errors.notStatic" });
    expect(await updateGroup.run(admin, { groupId: vip.id, name: "VIP", rules: french })).toMatchObject({ ok: false, error: "groups.errors.notDynamic" });
    expect(await addCustomersToGroup.run(agent, { groupId: vip.id, customerIds: [bob.id] })).toMatchObject({ ok: false, error: "errors.forbidden" });
    ok(await updateGroup.run(admin, { groupId: vip.id, name: "Clients VIP", description: "Les meilleurs" }));
    ok(await archiveGroup.run(admin, { groupId: vip.id }));
    expect((await listGroups(database.db, { companyId: company.id })).map((g) => g.name)).toEqual(["Francophones"]);
    expect((await listGroups(database.db, { companyId: company.id, archived: true })).map((g) => g.name)).toEqual(["Clients VIP"]);
    expect(await addCustomersToGroup.run(admin, { groupId: vip.id, customerIds: [bob.id] })).toMatchObject({ ok: false, error: "groups.errors.archived" });
    // An archived group's name is free again; restoring it then is refused.
    ok(await createGroup.run(admin, { kind: "static", name: "clients vip" }));
    expect(await restoreGroup.run(admin, { groupId: vip.id })).toMatchObject({ ok: false, error: "groups.errors.nameTaken" });
  });

  it("freezes a dynamic group into a static copy of who is in it now", async () => {
    const { admin, alice, chloe, company } = await setup();
    const dynamic = ok(await createGroup.run(admin, { kind: "dynamic", name: "Francophones", rules: french }));
    const frozen = ok(await freezeGroup.run(admin, { groupId: dynamic.id, name: "Francophones (juin)" }));
    expect(frozen.count).toBe(2);
    await database.db.update(s.customers).set({ language: "en" }).where(eq(s.customers.id, chloe.id));
    expect(await countGroupMembers(database.db, { companyId: company.id, groupId: dynamic.id })).toBe(1);
    expect(await countGroupMembers(database.db, { companyId: company.id, groupId: frozen.id })).toBe(2);
    const members = await database.db.select().from(s.customerGroupMembers).where(eq(s.customerGroupMembers.groupId, frozen.id));
    expect(members.map((m) => m.source)).toEqual(["frozen", "frozen"]);
    expect(members.map((m) => m.customerId).sort()).toEqual([alice.id, chloe.id].sort());
    expect(await freezeGroup.run(admin, { groupId: dynamic.id, name: "francophones (JUIN)" })).toMatchObject({ ok: false, error: "groups.errors.nameTaken" });
  });

  it("exports the group's customers as CSV, with the company's attributes and formulas neutralised, phone numbers as they are (it imports back)", async () => {
    const { admin, alice, bob } = await setup();
    await database.db.insert(s.customAttributeDefinitions).values({ companyId: admin.companyId, category: "customer", key: "vehicle", label: "Véhicule", type: "string" });
    const vip = ok(await createGroup.run(admin, { kind: "static", name: "Été 2027", customerIds: [alice.id, bob.id] }));
    const { csv, fileName, count } = await exportGroupCsv(admin, vip.id, "fr");
    expect([fileName, count]).toEqual(["Ete_2027.csv", 2]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1)).data.filter((row) => row.length > 1);
    expect(rows[0]).toEqual(["Prénom", "Nom", "Cellulaire", "Courriel", "Langue", "Véhicule"]);
    expect(rows[1]!.slice(0, 2)).toEqual(["Alice", "Martin"]);
    expect(rows[1]![2]).toBe(alice.mobile);
    expect(rows[1]![2]).toMatch(/^\+1\d{10}$/);
    expect(rows[1]![3]).toBe("alice@example.com");
    expect(rows[1]![5]).toBe("'=HYPERLINK(\"x\")");
    expect(rows[2]!.slice(0, 2)).toEqual(["Bob", "Roy"]);
    expect((await exportGroupCsv(admin, vip.id, "en")).csv).toContain("First name");
  });

  it("a merge moves the absorbed customer's memberships to the survivor, once", async () => {
    const { admin, alice, bob, chloe, company } = await setup();
    const both = ok(await createGroup.run(admin, { kind: "static", name: "Les deux", customerIds: [alice.id, bob.id] }));
    const bobOnly = ok(await createGroup.run(admin, { kind: "static", name: "Bob seul", customerIds: [bob.id] }));
    ok(await createGroup.run(admin, { kind: "static", name: "Chloé", customerIds: [chloe.id] }));
    await database.db.transaction((tx) => mergeCustomers(tx, { companyId: company.id, survivorId: alice.id, absorbedId: bob.id }));
    const membersOf = async (groupId: string) =>
      (await database.db.select({ customerId: s.customerGroupMembers.customerId }).from(s.customerGroupMembers).where(eq(s.customerGroupMembers.groupId, groupId))).map((m) => m.customerId);
    expect(await membersOf(both.id)).toEqual([alice.id]);
    expect(await membersOf(bobOnly.id)).toEqual([alice.id]);
    expect(await countGroupMembers(database.db, { companyId: company.id, groupId: both.id })).toBe(1);
  });

  it("an import can target a static group: every customer of the file, new or updated, joins it", async () => {
    const { admin, alice, otherAdmin, company } = await setup();
    await database.db.update(s.customers).set({ mobile: "+15145550142" }).where(eq(s.customers.id, alice.id));
    const target = ok(await createGroup.run(admin, { kind: "static", name: "Salon de l'auto" }));
    const dynamic = ok(await createGroup.run(admin, { kind: "dynamic", name: "Dyn", rules: french }));
    const theirs = ok(await createGroup.run(otherAdmin, { kind: "static", name: "Theirs" }));
    const csv = "Prénom,Nom,Cellulaire\nAlice,Martin,514 555-0142\nNadia,Roy,438 555-0143\n";
    const start = async (groupId: string) => {
      const { id } = await uploadCsv(admin, csv);
      const job = (await findImport(database.db, { companyId: company.id, importId: id }))!;
      return startImport.run(admin, { importId: id, kind: job.kind, mapping: job.mapping, groupId });
    };
    expect(await start(theirs.id)).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await start(dynamic.id)).toMatchObject({ ok: false, error: "groups.errors.notStatic" });
    expect(await start(target.id)).toMatchObject({ ok: true });
    await importDrainSettled();
    const page = ok(await loadGroupMembers.run(admin, { groupId: target.id }));
    expect(page.customers.map((c) => `${c.firstName} ${c.lastName}`)).toEqual(["Alice Martin", "Nadia Roy"]);
    const members = await database.db.select().from(s.customerGroupMembers).where(eq(s.customerGroupMembers.groupId, target.id));
    expect(members.every((m) => m.source === "import")).toBe(true);
  });

  it("refuses a group naming itself, directly or through another", async () => {
    const { admin } = await setup();
    const a = ok(await createGroup.run(admin, { kind: "dynamic", name: "A", rules: french }));
    const b = ok(await createGroup.run(admin, { kind: "dynamic", name: "B", rules: inGroup(a.id) }));
    expect(await updateGroup.run(admin, { groupId: a.id, name: "A", rules: inGroup(a.id) })).toMatchObject({ ok: false, error: RULE_ERRORS.groupCycle });
    expect(await updateGroup.run(admin, { groupId: a.id, name: "A", rules: inGroup(b.id, "not_in_group") })).toMatchObject({ ok: false, error: RULE_ERRORS.groupCycle });
    expect(await countGroupAudience.run(admin, { groupId: a.id, rules: inGroup(b.id) })).toMatchObject({ ok: false, error: RULE_ERRORS.groupCycle });
    // Without the edited group, the same rules count.
    expect(ok(await countGroupAudience.run(admin, { rules: inGroup(b.id) })).count).toBe(2);
  });

  it("tenancy: company B's group id is refused in a rule and in every action; B's customers never join", async () => {
    const { admin, otherAdmin, twin, alice, company } = await setup();
    const theirs = ok(await createGroup.run(otherAdmin, { kind: "static", name: "Theirs", customerIds: [twin.id] }));
    const mine = ok(await createGroup.run(admin, { kind: "static", name: "Mine", customerIds: [alice.id, twin.id] }));
    expect(await countGroupMembers(database.db, { companyId: company.id, groupId: mine.id })).toBe(1);
    expect(ok(await addCustomersToGroup.run(admin, { groupId: mine.id, customerIds: [twin.id] })).count).toBe(0);
    // Rules naming B's group: a group, the automation live count, an automation.
    expect(await createGroup.run(admin, { kind: "dynamic", name: "Via B", rules: inGroup(theirs.id) })).toMatchObject({ ok: false, error: RULE_ERRORS.groupUnknown });
    expect(await countGroupAudience.run(admin, { rules: inGroup(theirs.id) })).toMatchObject({ ok: false, error: RULE_ERRORS.groupUnknown });
    expect(await countAutomationAudience.run(admin, { rules: inGroup(theirs.id), triggerScope: "customer" })).toMatchObject({ ok: false, error: RULE_ERRORS.groupUnknown });
    const definition = { ...emptyDefinition("general"), name: "Via B", messageBody: "Bonjour", rules: inGroup(theirs.id) };
    expect(await createAutomation.run(admin, { definition })).toMatchObject({ ok: false, error: RULE_ERRORS.groupUnknown });
    // Every action on B's group looks like a missing one.
    for (const result of [
      await updateGroup.run(admin, { groupId: theirs.id, name: "Pris" }),
      await archiveGroup.run(admin, { groupId: theirs.id }),
      await restoreGroup.run(admin, { groupId: theirs.id }),
      await addCustomersToGroup.run(admin, { groupId: theirs.id, customerIds: [alice.id] }),
      await removeCustomersFromGroup.run(admin, { groupId: theirs.id, customerIds: [twin.id] }),
      await freezeGroup.run(admin, { groupId: theirs.id, name: "Copie" }),
      await loadGroupMembers.run(admin, { groupId: theirs.id }),
    ])
      expect(result).toMatchObject({ ok: false, error: "errors.notFound" });
    await expect(exportGroupCsv(admin, theirs.id, "fr")).rejects.toThrow("errors.notFound");
    await expect(exportGroupCsv(admin, "not-a-uuid", "fr")).rejects.toThrow("errors.notFound");
    const untouched = await database.db.select().from(s.customerGroups).where(and(eq(s.customerGroups.id, theirs.id), eq(s.customerGroups.name, "Theirs")));
    expect(untouched[0]?.archivedAt).toBeNull();
    expect(await countGroupMembers(database.db, { companyId: otherAdmin.companyId, groupId: theirs.id })).toBe(1);
  });
});
