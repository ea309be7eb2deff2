import "server-only";
import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { unionAll, type SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { queryPrepared, type Db } from "@/db/client";
import { attributeDefinitions } from "./attributes";
import { appointments, customerEvents, customers, notes, users, type AttributeValues, type Locale } from "@/db/schema";
import { normalizeForSearch } from "@/lib/customers/search-text";

export type CustomerCursor = { lastName: string; firstName: string; id: string };

/** What a search looks for in the search text: the phone digits, or the folded text. */
function searchNeedle(query: string): { needle: string; digits: boolean } | undefined {
  const text = normalizeForSearch(query);
  const digits = query.replace(/\D/g, "");
  // Phone searches use the digits only, so "(514) 555-01" matches "5145550123".
  if (digits.length >= 3 && digits.length >= text.replace(/[\s()+.-]/g, "").length - 1) return { needle: digits, digits: true };
  return text ? { needle: text, digits: false } : undefined;
}

/** Condition matching a typed query against names, email or phone digits (trigram-indexed). */
export function customerSearchCondition(query: string): SQL | undefined {
  const found = searchNeedle(query);
  if (!found) return undefined;
  return ilike(customers.searchText, `%${found.needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * The folded word when a search is one word that is some customer's whole last name.
 * Thousands may share it, and sorting all their matches is what made such a search slow.
 */
async function searchedLastName(db: Db, { companyId, query }: { companyId: string; query: string }): Promise<string | undefined> {
  const found = searchNeedle(query);
  // Letters and digits only: each of its windows is then one of the trigrams pg_trgm keeps
  // for the word holding it (the index of search windows); 200 and more has no name key.
  if (!found || found.digits || !/^[a-z0-9]{3,199}$/.test(found.needle)) return undefined;
  const [named] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.companyId, companyId), sql`parley_fold(${customers.lastName}) = ${found.needle}`))
    .limit(1);
  return named ? found.needle : undefined;
}

/**
 * The first `limit` customers matching `conditions` (which hold the search) in name order.
 * For a one-word search that is a last name, the same rows in the same order come from
 * two small reads: those with that (folded) last name, in order from their own index,
 * and everyone else the search matches, which the index of search windows finds without
 * reading those who have the name (migration 0033).
 */
export async function selectSearchedCustomers<T extends SelectedFields & { id: typeof customers.id; firstName: typeof customers.firstName; lastName: typeof customers.lastName }>(
  db: Db,
  { companyId, query, columns, conditions, limit }: { companyId: string; query: string; columns: T; conditions: SQL[]; limit: number },
): Promise<SelectResultFields<T>[]> {
  const lastName = await searchedLastName(db, { companyId, query });
  const select = (where: SQL[]) => db.select(columns as SelectedFields).from(customers).where(and(...conditions, ...where)).$dynamic();
  if (!lastName) return (await select([]).orderBy(...customerNameOrder({ searching: true })).limit(limit)) as SelectResultFields<T>[];
  const folded = sql`parley_fold(${customers.lastName})`;
  const named = select([sql`${folded} = ${lastName}`]).orderBy(asc(customers.lastName), asc(customers.firstName), asc(customers.id)).limit(limit);
  const others = select([sql`parley_search_grams(${customers.searchText}, ${customers.lastName}) @@ parley_search_grams_query(${lastName})`, sql`${folded} <> ${lastName}`]);
  // By position: another selected column may also be called "id" (a subquery's).
  const position = (key: keyof T) => sql.raw(String(Object.keys(columns).indexOf(key as string) + 1));
  const rows = await unionAll(named, others).orderBy(position("lastName"), position("firstName"), position("id")).limit(limit);
  return rows as SelectResultFields<T>[];
}

export type CustomerFilters = {
  mobile?: "with" | "without";
  unsubscribed?: "general" | "marketing" | "any";
  optedOut?: "yes";
};

/** CUST-2 filters; each has a partial index ordered like the list. */
export function customerFilterConditions(filters: CustomerFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.mobile === "with") conditions.push(isNotNull(customers.mobile));
  if (filters.mobile === "without") conditions.push(isNull(customers.mobile));
  if (filters.unsubscribed === "general") conditions.push(eq(customers.subscribedGeneral, false));
  if (filters.unsubscribed === "marketing") conditions.push(eq(customers.subscribedMarketing, false));
  if (filters.unsubscribed === "any") conditions.push(or(eq(customers.subscribedGeneral, false), eq(customers.subscribedMarketing, false))!);
  if (filters.optedOut === "yes") conditions.push(isNotNull(customers.optedOutAt));
  return conditions;
}

/**
 * Alphabetical order. With a search, the trigram matches are sorted rather than found by
 * walking the name index: the matches of a common name sit together alphabetically, so
 * that walk could read most of the table before reaching them.
 */
export function customerNameOrder({ searching }: { searching: boolean }) {
  return [searching ? sql`${customers.lastName} || ''` : asc(customers.lastName), asc(customers.firstName), asc(customers.id)];
}

export async function listCustomers(
  db: Db,
  {
    companyId,
    query,
    filters = {},
    cursor,
    limit = 50,
    within,
  }: { companyId: string; query?: string; filters?: CustomerFilters; cursor?: CustomerCursor | null; limit?: number; /** Only these customer ids (a group's members subquery). */ within?: SQL },
) {
  const conditions = [eq(customers.companyId, companyId), isNull(customers.mergedIntoId), ...customerFilterConditions(filters)];
  if (within) conditions.push(sql`${customers.id} in (${within})`);
  const search = query ? customerSearchCondition(query) : undefined;
  if (search) conditions.push(search);
  // Row comparison so the (company, last name, first name, id) index serves every page.
  if (cursor) conditions.push(sql`(${customers.lastName}, ${customers.firstName}, ${customers.id}) > (${cursor.lastName}, ${cursor.firstName}, ${cursor.id})`);
  const columns = {
    id: customers.id,
    firstName: customers.firstName,
    lastName: customers.lastName,
    mobile: customers.mobile,
    email: customers.email,
    language: customers.language,
    subscribedGeneral: customers.subscribedGeneral,
    subscribedMarketing: customers.subscribedMarketing,
    optedOutAt: customers.optedOutAt,
  };
  const rows = search
    ? await selectSearchedCustomers(db, { companyId, query: query!, columns, conditions, limit: limit + 1 })
    : await db
        .select(columns)
        .from(customers)
        .where(and(...conditions))
        .orderBy(...customerNameOrder({ searching: false }))
        .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    customers: page,
    nextCursor: rows.length > limit && last ? { lastName: last.lastName, firstName: last.firstName, id: last.id } : null,
  };
}

export async function findCustomer(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.companyId, companyId), eq(customers.id, customerId)))
    .limit(1);
  return row;
}

/** What the inbox's customer panel shows beside a conversation. */
export async function customerPanel(db: Db, { companyId, customerId, now = new Date() }: { companyId: string; customerId: string; now?: Date }) {
  const [definitions, upcoming, recentNotes] = await Promise.all([
    attributeDefinitions(db, { companyId, category: "customer" }),
    db
      .select()
      .from(appointments)
      .where(and(eq(appointments.companyId, companyId), eq(appointments.customerId, customerId), gte(appointments.startAt, now), ne(appointments.status, "cancelled")))
      .orderBy(asc(appointments.startAt))
      .limit(3),
    db
      .select({ id: notes.id, body: notes.body, createdAt: notes.createdAt, authorName: users.name, authorPhotoUrl: users.photoUrl })
      .from(notes)
      .leftJoin(users, eq(users.id, notes.authorUserId))
      .where(and(eq(notes.companyId, companyId), eq(notes.customerId, customerId)))
      .orderBy(desc(notes.createdAt))
      .limit(3),
  ]);
  return { definitions, upcoming, recentNotes };
}

export type CustomerListRow = Awaited<ReturnType<typeof listCustomers>>["customers"][number];

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = typeof customers.$inferInsert;

/** What an import batch reads and writes of a customer. */
export type ImportedCustomer = Pick<CustomerRow, "id" | "firstName" | "lastName" | "mobile" | "email" | "externalId" | "language" | "attributes">;

// Import and API batches are up to 1,000 rows: each list travels as one JSON parameter, so
// the statement is not rebuilt per row and its text never changes.
const jsonTexts = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Live customers of the company holding one of these external ids or mobiles, locked for an import batch. */
export async function lockLiveCustomersByKeys(db: Db, { companyId, externalIds, mobiles }: { companyId: string; externalIds: string[]; mobiles: string[] }): Promise<ImportedCustomer[]> {
  if (!externalIds.length && !mobiles.length) return [];
  // Always the generic plan, which looks the keys up in their own indexes: a plan made for
  // this company's id takes its size from the statistics, and a new company's first import
  // is not in them yet ("no customers"), so each batch read all it had created so far
  // (135 s instead of seconds for 100k rows on PostgreSQL).
  await db.execute(sql`set local plan_cache_mode = force_generic_plan`);
  const rows = await queryPrepared<{ id: string; first_name: string; last_name: string; mobile: string | null; email: string | null; external_id: string | null; language: Locale; attributes: AttributeValues }>(
    db,
    "lock_live_customers_by_keys",
    sql`select id, first_name, last_name, mobile, email, external_id, language, attributes
      from customers
      where company_id = ${companyId} and merged_into_id is null
        and (external_id = any(${jsonTexts(externalIds)}) or mobile = any(${jsonTexts(mobiles)}))
      for update`,
  );
  await db.execute(sql`set local plan_cache_mode = auto`);
  return rows.map((row) => ({ id: row.id, firstName: row.first_name, lastName: row.last_name, mobile: row.mobile, email: row.email, externalId: row.external_id, language: row.language, attributes: row.attributes }));
}

/**
 * Writes an import batch's customers in one statement: new ones inserted, known ones
 * updated with only what a file can say (never the subscriptions or the STOP opt-out).
 */
export async function upsertImportedCustomers(db: Db, { companyId, values }: { companyId: string; values: (ImportedCustomer & { searchText: string })[] }) {
  if (!values.length) return;
  const rows = values.map((value) => ({
    id: value.id,
    first_name: value.firstName,
    last_name: value.lastName,
    mobile: value.mobile,
    email: value.email,
    external_id: value.externalId,
    language: value.language,
    attributes: value.attributes,
    search_text: value.searchText,
  }));
  await queryPrepared(
    db,
    "upsert_imported_customers",
    sql`insert into customers as c (id, company_id, first_name, last_name, mobile, email, external_id, language, attributes, search_text)
      select r.id, ${companyId}, r.first_name, r.last_name, r.mobile, r.email, r.external_id, r.language, r.attributes, r.search_text
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(id uuid, first_name text, last_name text, mobile text, email text, external_id text, language text, attributes jsonb, search_text text)
      on conflict (id) do update set
        first_name = excluded.first_name, last_name = excluded.last_name, mobile = excluded.mobile, email = excluded.email,
        external_id = excluded.external_id, language = excluded.language, attributes = excluded.attributes,
        search_text = excluded.search_text, updated_at = now()
      where c.company_id = ${companyId}`,
  );
}

/** A customer not merged into another one (CONV-15). */
export async function findLiveCustomer(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.companyId, companyId), eq(customers.id, customerId), isNull(customers.mergedIntoId)));
  return row;
}

/** The live customer holding a mobile number, other than `exceptCustomerId`. */
export async function findMobileHolder(db: Db, { companyId, mobile, exceptCustomerId }: { companyId: string; mobile: string; exceptCustomerId?: string }) {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.companyId, companyId),
        eq(customers.mobile, mobile),
        isNull(customers.mergedIntoId),
        exceptCustomerId ? ne(customers.id, exceptCustomerId) : undefined,
      ),
    );
  return row;
}

export async function insertCustomer(db: Db, values: Omit<NewCustomerRow, "id" | "createdAt" | "updatedAt">) {
  const [created] = await db.insert(customers).values(values).returning();
  return created!;
}

export async function updateCustomerRow(
  db: Db,
  { companyId, customerId, changes }: { companyId: string; customerId: string; changes: Partial<Omit<NewCustomerRow, "id" | "companyId" | "createdAt">> },
) {
  const [updated] = await db
    .update(customers)
    .set(changes)
    .where(and(eq(customers.companyId, companyId), eq(customers.id, customerId)))
    .returning();
  return updated;
}

/** One of the customer's repair orders (or other events). */
export async function findCustomerEvent(db: Db, { companyId, customerId, eventId }: { companyId: string; customerId: string; eventId: string }) {
  const [row] = await db
    .select()
    .from(customerEvents)
    .where(and(eq(customerEvents.companyId, companyId), eq(customerEvents.id, eventId), eq(customerEvents.customerId, customerId)));
  return row;
}

/** The customer's repair orders to pick from (number and title), e.g. when sharing a file. */
export async function listCustomerEventChoices(db: Db, { companyId, customerId, limit = 50 }: { companyId: string; customerId: string; limit?: number }) {
  return db
    .select({ id: customerEvents.id, number: customerEvents.number, title: customerEvents.title })
    .from(customerEvents)
    .where(and(eq(customerEvents.companyId, companyId), eq(customerEvents.customerId, customerId)))
    .limit(limit);
}
