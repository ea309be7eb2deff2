import {
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./_columns";
import { companyRef } from "./companies";

export type AttributeCategory = "customer" | "appointment" | "event";
/** "money" is an amount in the company's currency, shown as money in the reader's locale. */
export type AttributeType = "string" | "number" | "date" | "collection" | "money";

/** Custom attribute definitions (EDIT-5); values live in the owner's JSONB column. */
export const customAttributeDefinitions = pgTable(
  "custom_attribute_definitions",
  {
    id: id(),
    companyId: companyRef(),
    category: text().$type<AttributeCategory>().notNull(),
    key: text().notNull(),
    label: text().notNull(),
    type: text().$type<AttributeType>().notNull(),
    /** Allowed values for a collection. */
    options: jsonb().$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("custom_attributes_company_key_idx").on(t.companyId, t.category, t.key)],
);
