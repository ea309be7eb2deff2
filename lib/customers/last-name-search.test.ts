import { and, eq, isNull } from "drizzle-orm";
import { customers } from "@/db/schema";
import { customerNameOrder, customerSearchCondition, listCustomers, type CustomerCursor } from "@/db/queries/customers";
import { searchCustomers } from "@/db/queries/search";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer } from "@/tests/factories";

const database = withTestDatabase();

/** A dealership where many share a last name, and others match it some other way. */
async function dealership() {
  const db = database.db;
  const company = await createCompany(db);
  const sharers = [
    await createCustomer(db, company.id, { firstName: "Marc", lastName: "Gagnon" }),
    await createCustomer(db, company.id, { firstName: "Julie", lastName: "Gagnon" }),
    await createCustomer(db, company.id, { firstName: "Julie", lastName: "Gagnon" }),
    await createCustomer(db, company.id, { firstName: "Éric", lastName: "GAGNON" }),
    await createCustomer(db, company.id, { firstName: "Zoé", lastName: "Gagnón" }),
    await createCustomer(db, company.id, { firstName: "Anne", lastName: "gagnon", email: "anne.gagnon@example.com" }),
  ];
  const others = [
    await createCustomer(db, company.id, { firstName: "Gagnon", lastName: "Aubé" }),
    await createCustomer(db, company.id, { firstName: "Luc", lastName: "Gagnon-Roy" }),
    await createCustomer(db, company.id, { firstName: "Paul", lastName: "Roy", email: "paul.gagnon12@example.com" }),
    await createCustomer(db, company.id, { firstName: "Lise", lastName: "Bergeron", attributes: { dealer: "Garage Gagnon" } }),
    await createCustomer(db, company.id, { firstName: "Yves", lastName: "Zaugagnonne" }),
    await createCustomer(db, company.id, { firstName: "Zoé", lastName: "Morin", email: "zoé.gagnonœuvre@example.com" }),
  ];
  await createCustomer(db, company.id, { firstName: "Marie", lastName: "Gagne" });
  const merged = await createCustomer(db, company.id, { firstName: "Old", lastName: "Gagnon" });
  await db.update(customers).set({ mergedIntoId: sharers[0]!.id }).where(eq(customers.id, merged.id));
  const other = await createCompany(db);
  await createCustomer(db, other.id, { firstName: "Marc", lastName: "Gagnon" });
  return { db, company, sharers, others };
}

/** What the search has always returned: every live customer whose search text holds the needle, in name order. */
async function everyMatch(companyId: string, query: string) {
  const rows = await database.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.companyId, companyId), isNull(customers.mergedIntoId), customerSearchCondition(query)))
    .orderBy(...customerNameOrder({ searching: true }));
  return rows.map((row) => row.id);
}

async function allPages(companyId: string, query: string, limit: number) {
  const ids: string[] = [];
  let cursor: CustomerCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers(database.db, { companyId, query, cursor, limit });
    ids.push(...page.customers.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("searching a last name many customers share", () => {
  it("lists those who have it, whatever the case or accents, and everyone else it matches, in name order", async () => {
    const { company, sharers, others } = await dealership();
    const expected = await everyMatch(company.id, "gagnon");
    expect(new Set(expected)).toEqual(new Set([...sharers, ...others].map((c) => c.id)));
    for (const query of ["gagnon", "GAGNON", "Gagnón", " gagnon "]) {
      expect((await listCustomers(database.db, { companyId: company.id, query })).customers.map((c) => c.id)).toEqual(expected);
    }
  });

  it("gives the rest on the next pages, without repeating or skipping anyone", async () => {
    const { company } = await dealership();
    const expected = await everyMatch(company.id, "gagnon");
    for (const limit of [1, 2, 3, 5]) expect(await allPages(company.id, "gagnon", limit)).toEqual(expected);
  });

  it("shows the same first customers in the search bar", async () => {
    const { db, company } = await dealership();
    const expected = await everyMatch(company.id, "gagnon");
    for (const limit of [3, 20]) {
      expect((await searchCustomers(db, { companyId: company.id, query: "Gagnon", limit })).map((c) => c.id)).toEqual(expected.slice(0, limit));
    }
  });

  it("never shows another company's customer of the same name", async () => {
    const { db, company } = await dealership();
    const mine = new Set(await everyMatch(company.id, "gagnon"));
    const listed = await allPages(company.id, "gagnon", 2);
    const found = (await searchCustomers(db, { companyId: company.id, query: "gagnon", limit: 50 })).map((c) => c.id);
    for (const ids of [listed, found]) expect(ids.every((id) => mine.has(id))).toBe(true);
    const alone = await createCompany(db);
    expect((await listCustomers(db, { companyId: alone.id, query: "gagnon" })).customers).toEqual([]);
  });

  it("finds a last name with a quote or a backslash like any other", async () => {
    const { db, company } = await dealership();
    const obrien = await createCustomer(db, company.id, { firstName: "Sean", lastName: "O'Brien" });
    const slash = await createCustomer(db, company.id, { firstName: "Ann", lastName: "Back\\slash" });
    expect((await listCustomers(db, { companyId: company.id, query: "o'brien" })).customers.map((c) => c.id)).toEqual([obrien.id]);
    expect((await listCustomers(db, { companyId: company.id, query: "back\\slash" })).customers.map((c) => c.id)).toEqual([slash.id]);
  });
});
