import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { paymentRequests, processedWebhooks } from "@/db/schema";

export type PaymentRequestRow = typeof paymentRequests.$inferSelect;
type PaymentRequestChanges = Partial<Omit<typeof paymentRequests.$inferInsert, "id" | "companyId" | "createdAt">>;

export async function insertPaymentRequest(db: Db, values: Omit<typeof paymentRequests.$inferInsert, "id" | "createdAt" | "updatedAt">) {
  const [created] = await db.insert(paymentRequests).values(values).returning();
  return created!;
}

export async function updatePaymentRequest(db: Db, { companyId, paymentRequestId, changes }: { companyId: string; paymentRequestId: string; changes: PaymentRequestChanges }) {
  await db
    .update(paymentRequests)
    .set(changes)
    .where(and(eq(paymentRequests.companyId, companyId), eq(paymentRequests.id, paymentRequestId)));
}

export async function findPaymentRequest(db: Db, { companyId, paymentRequestId }: { companyId: string; paymentRequestId: string }) {
  const [row] = await db
    .select()
    .from(paymentRequests)
    .where(and(eq(paymentRequests.companyId, companyId), eq(paymentRequests.id, paymentRequestId)));
  return row;
}

/** The public payment page knows only the token, which is unguessable and unique. */
export async function findPaymentRequestByToken(db: Db, { token }: { token: string }) {
  const [row] = await db.select().from(paymentRequests).where(eq(paymentRequests.publicToken, token));
  return row;
}

/** A Stripe event names the Checkout Session only; its id is unique across companies. */
export async function findPaymentRequestBySession(db: Db, { stripeSessionId }: { stripeSessionId: string }) {
  const [row] = await db.select().from(paymentRequests).where(eq(paymentRequests.stripeSessionId, stripeSessionId));
  return row;
}

/** Marks a request paid once: undefined when it already was. */
export async function markPaymentRequestPaid(
  db: Db,
  { companyId, paymentRequestId, stripePaymentIntentId, receiptUrl, paidAt }: { companyId: string; paymentRequestId: string; stripePaymentIntentId: string | null; receiptUrl: string | null; paidAt: Date },
) {
  const [paid] = await db
    .update(paymentRequests)
    .set({ status: "paid", paidAt, stripePaymentIntentId, receiptUrl })
    .where(and(eq(paymentRequests.companyId, companyId), eq(paymentRequests.id, paymentRequestId), ne(paymentRequests.status, "paid")))
    .returning();
  return paid;
}

export async function stripeEventSeen(db: Db, { eventId }: { eventId: string }) {
  const [seen] = await db
    .select()
    .from(processedWebhooks)
    .where(and(eq(processedWebhooks.provider, "stripe"), eq(processedWebhooks.eventId, eventId)));
  return Boolean(seen);
}

export async function recordStripeEvent(db: Db, { eventId }: { eventId: string }) {
  await db.insert(processedWebhooks).values({ provider: "stripe", eventId }).onConflictDoNothing();
}
