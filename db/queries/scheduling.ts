import "server-only";
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scheduledMessages } from "@/db/schema";

export type ScheduledMessageRow = typeof scheduledMessages.$inferSelect;

/**
 * What the conversation's banner lists, by time: the pending rows and the failed ones staff have
 * not dismissed yet (their reason is shown there).
 */
export async function listScheduledInBanner(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  return db
    .select()
    .from(scheduledMessages)
    .where(
      and(
        eq(scheduledMessages.companyId, companyId),
        eq(scheduledMessages.customerId, customerId),
        or(eq(scheduledMessages.status, "pending"), and(eq(scheduledMessages.status, "failed"), isNull(scheduledMessages.dismissedAt))),
      ),
    )
    .orderBy(asc(scheduledMessages.sendAt));
}

export type ScheduledRequest =
  | { kind: "message" }
  | { kind: "payment_request"; amountCents: number; currency: string; reference: string }
  | { kind: "review_request" };

export async function insertScheduledMessage(
  db: Db,
  {
    request = { kind: "message" },
    ...values
  }: { companyId: string; customerId: string; authorUserId: string; body: string; sendAt: Date; attachmentIds: string[]; request?: ScheduledRequest },
) {
  const [row] = await db.insert(scheduledMessages).values({ ...values, ...request }).returning();
  return row!;
}

/**
 * A new text and time for a message still pending (and, for a payment request, a new
 * amount or reference); its version moves so an older timer does nothing.
 */
export async function updatePendingScheduled(
  db: Db,
  { companyId, id, body, sendAt, payment }: { companyId: string; id: string; body: string; sendAt: Date; payment?: { amountCents: number; reference: string } },
) {
  const [row] = await db
    .update(scheduledMessages)
    .set({ body, sendAt, ...payment, version: sql`${scheduledMessages.version} + 1` })
    .where(
      and(
        eq(scheduledMessages.companyId, companyId),
        eq(scheduledMessages.id, id),
        eq(scheduledMessages.status, "pending"),
        payment ? eq(scheduledMessages.kind, "payment_request") : undefined,
      ),
    )
    .returning();
  return row;
}

export async function cancelPendingScheduled(db: Db, { companyId, id }: { companyId: string; id: string }) {
  const [row] = await db
    .update(scheduledMessages)
    .set({ status: "cancelled" })
    .where(and(eq(scheduledMessages.companyId, companyId), eq(scheduledMessages.id, id), eq(scheduledMessages.status, "pending")))
    .returning();
  return row;
}

/**
 * Claims a due message for sending, if it is still pending and (when given) still the
 * version that was scheduled. The wake-up carries only the id: the row names its company.
 */
export async function claimDueScheduled(db: Db, { id, version, now }: { id: string; version?: number; now: Date }) {
  const [row] = await db
    .update(scheduledMessages)
    .set({ status: "sending" })
    .where(
      and(
        eq(scheduledMessages.id, id),
        eq(scheduledMessages.status, "pending"),
        lte(scheduledMessages.sendAt, now),
        version === undefined ? undefined : eq(scheduledMessages.version, version),
      ),
    )
    .returning();
  return row;
}

export async function setScheduledOutcome(
  db: Db,
  {
    companyId,
    id,
    outcome,
  }: {
    companyId: string;
    id: string;
    outcome:
      | { status: "pending" }
      | { status: "sent"; messageId: string; paymentRequestId?: string; reviewRequestId?: string }
      | { status: "failed"; failureReason: string };
  },
) {
  await db
    .update(scheduledMessages)
    .set(outcome)
    .where(and(eq(scheduledMessages.companyId, companyId), eq(scheduledMessages.id, id)));
}

/** Staff saw why a scheduled message failed: it leaves the banner. */
export async function dismissFailedScheduled(db: Db, { companyId, id, now }: { companyId: string; id: string; now: Date }) {
  const [row] = await db
    .update(scheduledMessages)
    .set({ dismissedAt: now })
    .where(and(eq(scheduledMessages.companyId, companyId), eq(scheduledMessages.id, id), eq(scheduledMessages.status, "failed"), isNull(scheduledMessages.dismissedAt)))
    .returning();
  return row;
}

/** The sweep's work: due messages of every company, oldest first. */
export async function listDueScheduledIds(db: Db, { now, limit = 100 }: { now: Date; limit?: number }) {
  const rows = await db
    .select({ id: scheduledMessages.id })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.status, "pending"), lte(scheduledMessages.sendAt, now)))
    .orderBy(asc(scheduledMessages.sendAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
