import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, conversations, customers, memberships, notifications, pushDeliveries, pushSubscriptions, users } from "@/db/schema";

// The conversation a notification is about, when its data names one (to title the push with the customer).
const notifiedConversationId = sql`case when ${notifications.data}->>'conversationId' ~ '^[0-9a-f-]{36}$' then (${notifications.data}->>'conversationId')::uuid end`;
const notifiedCustomer = { firstName: customers.firstName, lastName: customers.lastName, mobile: customers.mobile };

/** What a push needs: the notification, the device, the reader's language and who it is about. */
const pushFields = {
  notificationId: notifications.id,
  companyId: notifications.companyId,
  kind: notifications.kind,
  data: notifications.data,
  link: notifications.link,
  subscription: { id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth },
  language: users.language,
  companyName: companies.name,
  customer: notifiedCustomer,
  conversationPreview: conversations.lastMessagePreview,
};

export type PushSubscriptionInput = { endpoint: string; p256dh: string; auth: string; userAgent: string | null; deviceLabel: string | null };

/**
 * Saves this device for the user. The endpoint is the device: subscribing it again
 * (new keys, or another user signing in on the same browser) moves it to this user.
 */
export async function savePushSubscription(db: Db, { companyId, userId, subscription }: { companyId: string; userId: string; subscription: PushSubscriptionInput }) {
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ companyId, userId, ...subscription })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { companyId, userId, p256dh: subscription.p256dh, auth: subscription.auth, userAgent: subscription.userAgent, deviceLabel: subscription.deviceLabel, failureCount: 0, createdAt: sql`now()` },
    })
    .returning({ id: pushSubscriptions.id });
  return row!.id;
}

export async function listPushSubscriptions(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  return db
    .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, deviceLabel: pushSubscriptions.deviceLabel, createdAt: pushSubscriptions.createdAt, lastSuccessAt: pushSubscriptions.lastSuccessAt })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.companyId, companyId), eq(pushSubscriptions.userId, userId)))
    .orderBy(desc(pushSubscriptions.createdAt));
}

/** Removes one of the user's own devices; another user's id matches nothing. */
export async function deletePushSubscription(db: Db, { companyId, userId, id }: { companyId: string; userId: string; id: string }) {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.companyId, companyId), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}

/** The push service said the subscription is gone (404/410): it will never work again. */
export async function deleteExpiredPushSubscription(db: Db, { companyId, id }: { companyId: string; id: string }) {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.companyId, companyId)));
}

export async function recordPushSuccess(db: Db, { companyId, subscriptionId, now }: { companyId: string; subscriptionId: string; now: Date }) {
  await db
    .update(pushSubscriptions)
    .set({ lastSuccessAt: now, failureCount: 0 })
    .where(and(eq(pushSubscriptions.id, subscriptionId), eq(pushSubscriptions.companyId, companyId)));
}

export async function recordPushFailure(db: Db, { companyId, subscriptionId }: { companyId: string; subscriptionId: string }) {
  await db
    .update(pushSubscriptions)
    .set({ failureCount: sql`${pushSubscriptions.failureCount} + 1` })
    .where(and(eq(pushSubscriptions.id, subscriptionId), eq(pushSubscriptions.companyId, companyId)));
}

/** Whether anyone in the company has a device to push to (most companies' members have none). */
export async function companyHasPushSubscriptions(db: Db, { companyId }: { companyId: string }) {
  const [row] = await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.companyId, companyId)).limit(1);
  return row !== undefined;
}

/**
 * Unread notifications of the last day meant for their user's devices (push, decided when
 * notified) that a device has not had yet (no delivery row): the work of a push sweep. A
 * device only gets what was notified after it subscribed.
 */
export async function findUnpushedNotifications(db: Db, { companyId, since, limit }: { companyId?: string; since: Date; limit: number }) {
  return db
    .select(pushFields)
    .from(notifications)
    .innerJoin(pushSubscriptions, and(eq(pushSubscriptions.userId, notifications.userId), eq(pushSubscriptions.companyId, notifications.companyId)))
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(memberships, and(eq(memberships.userId, notifications.userId), eq(memberships.companyId, notifications.companyId), eq(memberships.active, true)))
    .innerJoin(companies, eq(companies.id, notifications.companyId))
    .leftJoin(conversations, and(eq(conversations.id, notifiedConversationId), eq(conversations.companyId, notifications.companyId)))
    .leftJoin(customers, and(eq(customers.id, conversations.customerId), eq(customers.companyId, notifications.companyId)))
    .leftJoin(pushDeliveries, and(eq(pushDeliveries.notificationId, notifications.id), eq(pushDeliveries.subscriptionId, pushSubscriptions.id)))
    .where(
      and(
        companyId ? eq(notifications.companyId, companyId) : undefined,
        eq(notifications.push, true),
        isNull(pushDeliveries.id),
        isNull(notifications.readAt),
        gt(notifications.createdAt, since),
        gte(notifications.createdAt, pushSubscriptions.createdAt),
      ),
    )
    .orderBy(asc(notifications.createdAt))
    .limit(limit);
}

/** Takes the (notification, device) pair for this worker: only one run can insert it, so the sweep and the Inngest function never both push. */
export async function claimPushDelivery(
  db: Db,
  { companyId, notificationId, subscriptionId, leaseUntil }: { companyId: string; notificationId: string; subscriptionId: string; leaseUntil: Date },
) {
  const [row] = await db
    .insert(pushDeliveries)
    .values({ companyId, notificationId, subscriptionId, status: "sending", nextAttemptAt: leaseUntil, attempts: 1 })
    .onConflictDoNothing()
    .returning({ id: pushDeliveries.id });
  return row?.id ?? null;
}

/** Deliveries to try again (their time came) and claims a stopped worker left: re-claimed one by one by the caller. */
export async function findDuePushRetries(db: Db, { companyId, now, limit }: { companyId?: string; now: Date; limit: number }) {
  return db
    .select({
      deliveryId: pushDeliveries.id,
      ...pushFields,
    })
    .from(pushDeliveries)
    .innerJoin(pushSubscriptions, eq(pushSubscriptions.id, pushDeliveries.subscriptionId))
    .innerJoin(notifications, eq(notifications.id, pushDeliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(companies, eq(companies.id, notifications.companyId))
    .leftJoin(conversations, and(eq(conversations.id, notifiedConversationId), eq(conversations.companyId, notifications.companyId)))
    .leftJoin(customers, and(eq(customers.id, conversations.customerId), eq(customers.companyId, notifications.companyId)))
    .where(and(companyId ? eq(pushDeliveries.companyId, companyId) : undefined, inArray(pushDeliveries.status, ["retry", "sending"]), lte(pushDeliveries.nextAttemptAt, now)))
    .orderBy(asc(pushDeliveries.nextAttemptAt))
    .limit(limit);
}

/** Moves a due retry (or a lapsed claim) to "sending" for this worker; null when another took it. */
export async function reclaimPushDelivery(db: Db, { companyId, deliveryId, now, leaseUntil }: { companyId: string; deliveryId: string; now: Date; leaseUntil: Date }) {
  const [row] = await db
    .update(pushDeliveries)
    .set({ status: "sending", nextAttemptAt: leaseUntil, attempts: sql`${pushDeliveries.attempts} + 1` })
    .where(
      and(
        eq(pushDeliveries.id, deliveryId),
        eq(pushDeliveries.companyId, companyId),
        or(eq(pushDeliveries.status, "retry"), eq(pushDeliveries.status, "sending")),
        lte(pushDeliveries.nextAttemptAt, now),
      ),
    )
    .returning({ attempts: pushDeliveries.attempts });
  return row ?? null;
}

export async function finishPushDelivery(
  db: Db,
  { companyId, deliveryId, status, nextAttemptAt = null, error = null }: { companyId: string; deliveryId: string; status: "sent" | "retry" | "failed"; nextAttemptAt?: Date | null; error?: string | null },
) {
  await db
    .update(pushDeliveries)
    .set({ status, nextAttemptAt, lastError: error })
    .where(and(eq(pushDeliveries.id, deliveryId), eq(pushDeliveries.companyId, companyId)));
}

/** Forgets finished deliveries past the look-back window: a notification that old is never pushed again anyway. */
export async function deleteFinishedPushDeliveries(db: Db, { before }: { before: Date }) {
  await db.delete(pushDeliveries).where(and(inArray(pushDeliveries.status, ["sent", "skipped", "failed"]), lte(pushDeliveries.createdAt, before)));
}
