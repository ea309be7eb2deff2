import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { users } from "./users";

/** Where a notification's email stands: waiting for the user's digest window, or claimed by a digest. */
export type NotificationEmailStatus = "pending" | "sent" | "failed";

/** Notification rows (USER-5): the bell shows those with `web`; email digests send the `pending` ones. */
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
    /** Shown under the bell: the user's matrix has web on for this event. */
    web: boolean().notNull().default(true),
    /** Sent to the user's devices: their matrix has push on for this event (decided once, when notified). */
    push: boolean().notNull().default(false),
    /** Null: the user's matrix has email off for this event. */
    emailStatus: text().$type<NotificationEmailStatus>(),
    readAt: at(),
    emailedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.companyId, t.createdAt),
    // The bell's count on every page: only the unread ones, however many the user was ever sent.
    index("notifications_unread_web_idx").on(t.userId, t.companyId).where(sql`${t.web} and ${t.readAt} is null`),
    index("notifications_email_pending_idx").on(t.userId, t.companyId).where(sql`${t.emailStatus} = 'pending'`),
    index("notifications_emailed_idx").on(t.userId, t.companyId, t.emailedAt),
  ],
);
