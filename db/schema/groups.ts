import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import type { AudienceRules } from "./automations";
import { companyRef } from "./companies";
import { customers } from "./customers";

/**
 * A saved audience (IMPL-1): dynamic groups keep rules and are re-evaluated each time they
 * are used; static groups list their members.
 */
export type CustomerGroupKind = "dynamic" | "static";
/** How a customer entered a static group. */
export type GroupMemberSource = "selection" | "import" | "frozen" | "api";

export const customerGroups = pgTable(
  "customer_groups",
  {
    id: id(),
    companyId: companyRef(),
    name: text().notNull(),
    description: text(),
    kind: text().$type<CustomerGroupKind>().notNull(),
    /** Dynamic groups only; static groups keep `{ all: [] }`. */
    rules: jsonb().$type<AudienceRules>().notNull().default({ all: [] }),
    createdByUserId: uuid(),
    archivedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customer_groups_company_name_idx")
      .on(t.companyId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
  ],
);

export const customerGroupMembers = pgTable(
  "customer_group_members",
  {
    groupId: uuid()
      .notNull()
      .references(() => customerGroups.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    companyId: companyRef(),
    source: text().$type<GroupMemberSource>().notNull(),
    addedByUserId: uuid(),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.customerId] }),
    // "is in group" rules: EXISTS from the customer side.
    index("customer_group_members_customer_idx").on(t.customerId, t.groupId),
  ],
);
