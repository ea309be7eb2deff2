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
/** What a scheduled row sends: a plain text, or a request whose link is created at send time. */
export type ScheduledMessageKind = "message" | "payment_request" | "review_request";

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
    kind: text().$type<ScheduledMessageKind>().notNull().default("message"),
    /** A scheduled payment request: what the Stripe link will ask for (EDIT-6). */
    amountCents: integer(),
    currency: text(),
    reference: text(),
    /** Set on the payment or review request created when the row is sent, not before. */
    paymentRequestId: uuid(),
    reviewRequestId: uuid(),
    messageId: uuid(),
    failureReason: text(),
    /** A failed row stays in the conversation's banner, with its reason, until staff dismiss it. */
    dismissedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("scheduled_messages_due_idx").on(t.status, t.sendAt),
    index("scheduled_messages_customer_idx").on(t.customerId, t.status),
  ],
);
