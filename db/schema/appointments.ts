import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";
import { customers, type AttributeValues } from "./customers";

export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    type: text().notNull().default(""),
    startAt: at().notNull(),
    durationMinutes: integer().notNull().default(60),
    status: text()
      .$type<"scheduled" | "confirmed" | "cancelled" | "no_show" | "completed">()
      .notNull()
      .default("scheduled"),
    statusChangedBy: text().$type<"staff" | "customer" | "integration">(),
    assignedUserId: uuid(),
    attributes: jsonb().$type<AttributeValues>().notNull().default({}),
    externalId: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("appointments_company_start_idx").on(t.companyId, t.startAt),
    index("appointments_customer_idx").on(t.customerId, t.startAt),
    index("appointments_type_trgm_idx").using("gin", sql`parley_fold(${t.type}) gin_trgm_ops`),
    // Imports and integrations name an appointment by its id in their system.
    uniqueIndex("appointments_company_external_idx")
      .on(t.companyId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);
