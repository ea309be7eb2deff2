import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";
import { customers } from "./customers";

export type ScheduledMessageStatus = "pending" | "sending" | "sent" | "cancelled" | "failed";

export const scheduledMessages = pgTable(
  "scheduled_messages",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    authorUserId: uuid(),
    body: text().notNull(),
    sendAt: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<ScheduledMessageStatus>().notNull().default("pending"),
    /** Bumped on every edit so a sleeping job for an older version does nothing. */
    version: integer().notNull().default(1),
    attachmentIds: jsonb().$type<string[]>().notNull().default([]),
    paymentRequestId: uuid(),
    reviewRequestId: uuid(),
    messageId: uuid(),
    failureReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("scheduled_messages_due_idx").on(t.status, t.sendAt),
    index("scheduled_messages_customer_idx").on(t.customerId, t.status),
  ],
);
