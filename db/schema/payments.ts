import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";
import { customers } from "./customers";

export type PaymentRequestStatus = "pending" | "paid" | "cancelled" | "failed";

/** A payment requested by text (EDIT-6, PLAT-2). */
export const paymentRequests = pgTable(
  "payment_requests",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    conversationId: uuid(),
    messageId: uuid(),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    reference: text().notNull(),
    status: text().$type<PaymentRequestStatus>().notNull().default("pending"),
    publicToken: text().notNull(),
    stripeSessionId: text(),
    stripePaymentIntentId: text(),
    receiptUrl: text(),
    paidAt: at(),
    createdByUserId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payment_requests_token_idx").on(t.publicToken),
    uniqueIndex("payment_requests_session_idx").on(t.stripeSessionId),
    index("payment_requests_customer_idx").on(t.customerId, t.createdAt),
    index("payment_requests_company_amount_idx").on(t.companyId, t.amountCents),
    // Reports and the daily deposits email read payments by the time they were paid.
    index("payment_requests_company_paid_idx").on(t.companyId, t.paidAt).where(sql`${t.paidAt} is not null`),
  ],
);
