import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { AudienceRules } from "@/db/schema";
import { countGroupMembers, listGroups } from "@/db/queries/groups";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer } from "@/tests/factories";

const database = withTestDatabase();

const rule = (attribute: string, operator: string, value: string): AudienceRules => ({ all: [{ any: [{ category: "customer", attribute, operator, value }] }] });

/** The database with a count of the statements run through it (select builders and raw SQL). */
function counting(db: Db) {
  const counter = { statements: 0 };
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if ((key === "select" || key === "execute") && typeof value === "function") {
        return (...args: unknown[]) => {
          counter.statements += 1;
          return value.apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy as Db, counter };
}

async function group(companyId: string, name: string, kind: "static" | "dynamic", rules: AudienceRules = { all: [] }) {
  const [row] = await database.db.insert(s.customerGroups).values({ companyId, name, kind, rules }).returning();
  return row!;
}

describe("the groups list's member counts", () => {
  it("match each group's own count — static, dynamic, nested, merged customers left out — and a broken group shows 0", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const other = await createCompany(db);
    const alice = await createCustomer(db, company.id, { firstName: "Alice", language: "fr" });
    const bob = await createCustomer(db, company.id, { firstName: "Bob", language: "en" });
    await createCustomer(db, company.id, { firstName: "Chloé", language: "fr" });
    const merged = await createCustomer(db, company.id, { firstName: "Alice bis", language: "fr" });
    await db.update(s.customers).set({ mergedIntoId: alice.id }).where(eq(s.customers.id, merged.id));
    await createCustomer(db, other.id, { firstName: "Twin", language: "fr" });

    const vip = await group(company.id, "VIP", "static");
    await db.insert(s.customerGroupMembers).values([alice, bob, merged].map((customer) => ({ groupId: vip.id, customerId: customer.id, companyId: company.id, source: "selection" as const })));
    const french = await group(company.id, "Francophones", "dynamic", rule("language", "is", "fr"));
    await group(company.id, "VIP francophones", "dynamic", { all: [...rule("group", "in_group", vip.id).all, ...rule("group", "in_group", french.id).all] });
    await group(company.id, "Pas VIP", "dynamic", rule("group", "not_in_group", vip.id));
    const loopA = await group(company.id, "Boucle A", "dynamic");
    const loopB = await group(company.id, "Boucle B", "dynamic", rule("group", "in_group", loopA.id));
    await db.update(s.customerGroups).set({ rules: rule("group", "in_group", loopB.id) }).where(eq(s.customerGroups.id, loopA.id));
    await group(other.id, "VIP", "static");

    const { db: watched, counter } = counting(db);
    const rows = await listGroups(watched, { companyId: company.id });
    expect(rows.map((row) => [row.name, row.memberCount])).toEqual([
      ["Boucle A", 0],
      ["Boucle B", 0],
      ["Francophones", 2],
      ["Pas VIP", 1],
      ["VIP", 2],
      ["VIP francophones", 1],
    ]);
    for (const row of rows.filter((candidate) => !candidate.name.startsWith("Boucle"))) {
      expect(await countGroupMembers(db, { companyId: company.id, groupId: row.id })).toBe(row.memberCount);
    }
    // The groups, the static counts, the company's zone and groups, the dynamic counts: not one per group.
    expect(counter.statements).toBeLessThanOrEqual(5);
  });
});
