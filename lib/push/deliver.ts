import "server-only";
import webPush, { WebPushError } from "web-push";
import type { Db } from "@/db/client";
import {
  claimPushDelivery,
  companyHasPushSubscriptions,
  deleteExpiredPushSubscription,
  deleteFinishedPushDeliveries,
  findDuePushRetries,
  findUnpushedNotifications,
  finishPushDelivery,
  reclaimPushDelivery,
  recordPushFailure,
  recordPushSuccess,
} from "@/db/queries/push";
import { pushPayloadFor } from "./payload";
import { vapidKeys, type VapidKeys } from "./vapid";

const BATCH = 100;
const MAX_ATTEMPTS = 6;
// Older notifications are not news any more: a device enabled today is not flooded.
const LOOKBACK_MS = 24 * 60 * 60 * 1000;
// A worker that stopped mid-send leaves its claim; another may take it after this.
const LEASE_MS = 2 * 60 * 1000;
const SEND_TIMEOUT_MS = 10_000;

type Subscription = { id: string; endpoint: string; p256dh: string; auth: string };
type Due = Parameters<typeof pushPayloadFor>[0] & { deliveryId: string; attempts: number; companyId: string; subscription: Subscription };
type Outcome = "sent" | "retry" | "removed" | "failed";

/**
 * Pushes new notifications to the devices of the users who want them by push, then the
 * retries that are due. Each (notification, device) pair is claimed by inserting its
 * delivery row first, so the sweep, the Inngest function and a re-run never push twice.
 * 404/410 from the push service remove the device; 429 and 5xx are tried again later.
 */
export async function deliverPendingPushes(db: Db, { now = new Date(), companyId }: { now?: Date; companyId?: string } = {}) {
  const tally = { sent: 0, retry: 0, removed: 0, failed: 0 };
  // Requested after every notification that wants a push: without a device in the company
  // there is nothing to send, and one probe spares the two sweeps' joins (and their planning).
  if (companyId && !(await companyHasPushSubscriptions(db, { companyId }))) return tally;
  let keys: VapidKeys | undefined;
  const send = async (due: Due) => {
    keys ??= await vapidKeys(db);
    tally[await sendOne(db, keys, due, now)]++;
  };

  for (const row of await findDuePushRetries(db, { companyId, now, limit: BATCH })) {
    const claim = await reclaimPushDelivery(db, { companyId: row.companyId, deliveryId: row.deliveryId, now, leaseUntil: new Date(now.getTime() + LEASE_MS) });
    if (claim) await send({ ...row, attempts: claim.attempts });
  }

  for (;;) {
    const rows = await findUnpushedNotifications(db, { companyId, since: new Date(now.getTime() - LOOKBACK_MS), limit: BATCH });
    for (const row of rows) {
      const deliveryId = await claimPushDelivery(db, { companyId: row.companyId, notificationId: row.notificationId, subscriptionId: row.subscription.id, leaseUntil: new Date(now.getTime() + LEASE_MS) });
      if (deliveryId) await send({ ...row, deliveryId, attempts: 1 });
    }
    if (rows.length < BATCH) break;
  }
  // Kept twice the look-back, so a notification inside the window always still has its row.
  if (!companyId) await deleteFinishedPushDeliveries(db, { before: new Date(now.getTime() - 2 * LOOKBACK_MS) });
  return tally;
}

async function sendOne(db: Db, keys: VapidKeys, due: Due, now: Date): Promise<Outcome> {
  const { companyId, deliveryId, subscription } = due;
  const payload = pushPayloadFor(due);
  try {
    await webPush.sendNotification({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, JSON.stringify(payload), {
      vapidDetails: keys,
      TTL: LOOKBACK_MS / 1000,
      urgency: "high",
      timeout: SEND_TIMEOUT_MS,
    });
  } catch (error) {
    const status = error instanceof WebPushError ? error.statusCode : null;
    if (status === 404 || status === 410) {
      // The browser unsubscribed or the app was removed: this device will never receive again.
      await deleteExpiredPushSubscription(db, { companyId, id: subscription.id });
      return "removed";
    }
    await recordPushFailure(db, { companyId, subscriptionId: subscription.id });
    const transient = status === null || status === 429 || status >= 500;
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    if (transient && due.attempts < MAX_ATTEMPTS) {
      const retryAfter = error instanceof WebPushError ? retryAfterMs(error.headers) : null;
      await finishPushDelivery(db, { companyId, deliveryId, status: "retry", nextAttemptAt: new Date(now.getTime() + (retryAfter ?? backoffMs(due.attempts))), error: message });
      return "retry";
    }
    await finishPushDelivery(db, { companyId, deliveryId, status: "failed", error: message });
    return "failed";
  }
  await finishPushDelivery(db, { companyId, deliveryId, status: "sent" });
  await recordPushSuccess(db, { companyId, subscriptionId: subscription.id, now });
  return "sent";
}

/** 1, 4, 16, 64 minutes… */
const backoffMs = (attempts: number) => 60_000 * 4 ** (attempts - 1);

function retryAfterMs(headers: Record<string, string | string[] | undefined> | undefined) {
  const value = headers?.["retry-after"];
  const seconds = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : null;
}
