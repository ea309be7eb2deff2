import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { users } from "./users";

/** In-app notification rows (USER-5); email/web delivery reads from here. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    companyId: companyRef(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    link: text(),
    readAt: at(),
    emailedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.companyId, t.createdAt)],
);
