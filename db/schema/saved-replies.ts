import {
  index,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";

export const savedReplies = pgTable(
  "saved_replies",
  {
    id: id(),
    companyId: companyRef(),
    title: text().notNull(),
    body: text().notNull(),
    createdByUserId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("saved_replies_company_title_idx").on(t.companyId, t.title)],
);
