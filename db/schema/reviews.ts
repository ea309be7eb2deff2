import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { customers } from "./customers";

/** A review request and, once answered, the review (EDIT-10). */
export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    source: text().$type<"parley" | "google" | "facebook">().notNull().default("parley"),
    publicToken: text().notNull(),
    rating: integer(),
    comment: text(),
    messageId: uuid(),
    requestedByUserId: uuid(),
    assignedUserId: uuid(),
    submittedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reviews_token_idx").on(t.publicToken),
    index("reviews_customer_idx").on(t.customerId, t.createdAt),
    index("reviews_company_submitted_idx").on(t.companyId, t.submittedAt).where(sql`${t.submittedAt} is not null`),
  ],
);
