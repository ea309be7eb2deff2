import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef, type Locale } from "./companies";

export type AttributeValue = string | number | string[] | null;
export type AttributeValues = Record<string, AttributeValue>;

export const customers = pgTable(
  "customers",
  {
    id: id(),
    companyId: companyRef(),
    firstName: text().notNull().default(""),
    lastName: text().notNull().default(""),
    /** E.164; at most one live customer per company holds a number (CONV-15). */
    mobile: text(),
    email: text(),
    language: text().$type<Locale>().notNull().default("fr"),
    attributes: jsonb().$type<AttributeValues>().notNull().default({}),
    subscribedGeneral: boolean().notNull().default(true),
    subscribedMarketing: boolean().notNull().default(true),
    /** Set when the customer texted STOP; only the customer can undo it (START). */
    optedOutAt: at(),
    mergedIntoId: uuid(),
    externalId: text(),
    /** Lower-cased, accent-free name, email and phone digits for trigram search. */
    searchText: text().notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customers_company_mobile_idx")
      .on(t.companyId, t.mobile)
      .where(sql`${t.mobile} is not null and ${t.mergedIntoId} is null`),
    index("customers_company_name_idx").on(t.companyId, t.lastName, t.firstName, t.id),
    // The CUST-2 filters, each ordered like the list.
    index("customers_no_mobile_idx").on(t.companyId, t.lastName, t.firstName, t.id).where(sql`${t.mobile} is null and ${t.mergedIntoId} is null`),
    index("customers_unsubscribed_general_idx").on(t.companyId, t.lastName, t.firstName, t.id).where(sql`${t.subscribedGeneral} = false`),
    index("customers_unsubscribed_marketing_idx").on(t.companyId, t.lastName, t.firstName, t.id).where(sql`${t.subscribedMarketing} = false`),
    index("customers_opted_out_idx").on(t.companyId, t.lastName, t.firstName, t.id).where(sql`${t.optedOutAt} is not null`),
    index("customers_company_created_idx").on(t.companyId, t.createdAt, t.id),
    index("customers_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    // A search for a last name many share: those who have it, in list order, and the
    // index of search windows for everyone else (parley_search_grams, migration 0033).
    index("customers_folded_last_name_idx").on(t.companyId, sql`parley_fold(${t.lastName})`, t.lastName, t.firstName, t.id),
    index("customers_search_grams_idx").using("gin", sql`parley_search_grams(${t.searchText}, ${t.lastName})`),
    index("customers_attributes_idx").using("gin", sql`${t.attributes} jsonb_path_ops`),
    uniqueIndex("customers_company_external_idx")
      .on(t.companyId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

/** Dealer events such as repair orders (with a number), with attribute values. */
export const customerEvents = pgTable(
  "customer_events",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text().notNull().default("repair_order"),
    number: text(),
    title: text().notNull().default(""),
    status: text().notNull().default("open"),
    occurredAt: at().notNull().defaultNow(),
    attributes: jsonb().$type<AttributeValues>().notNull().default({}),
    externalId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("customer_events_customer_idx").on(t.customerId, t.occurredAt),
    index("customer_events_company_number_idx").on(t.companyId, t.number),
    index("customer_events_number_trgm_idx").using("gin", sql`parley_fold(${t.number}) gin_trgm_ops`),
    // A repair order number is the dealer system's key: imports upsert by it.
    uniqueIndex("customer_events_company_kind_number_idx")
      .on(t.companyId, t.kind, t.number)
      .where(sql`${t.number} is not null`),
  ],
);

export const estimates = pgTable(
  "estimates",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    number: text().notNull(),
    amountCents: integer(),
    status: text()
      .$type<"draft" | "sent" | "approved" | "refused">()
      .notNull()
      .default("draft"),
    publicToken: text().notNull(),
    items: jsonb().$type<{ label: string; amountCents: number }[]>().notNull().default([]),
    respondedAt: at(),
    createdByUserId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("estimates_token_idx").on(t.publicToken),
    index("estimates_customer_idx").on(t.customerId),
  ],
);
