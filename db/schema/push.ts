import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { notifications } from "./notifications";
import { users } from "./users";

/** A browser or installed app that accepted Web Push for one user in one company (USER-5). */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: id(),
    companyId: companyRef(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The push service's URL for this device: it identifies the subscription. */
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    userAgent: text(),
    /** What the settings list shows ("Chrome on Android"), derived from the user agent. */
    deviceLabel: text(),
    createdAt: createdAt(),
    lastSuccessAt: at(),
    /** Consecutive failed deliveries (reset by a success). */
    failureCount: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpoint), index("push_subscriptions_user_idx").on(t.companyId, t.userId)],
);

export type PushDeliveryStatus = "sending" | "sent" | "retry" | "skipped" | "failed";

/**
 * One notification pushed to one device: the unique pair is the idempotency key, so a
 * re-run (sweep and Inngest both, or after a crash) never pushes it twice.
 */
export const pushDeliveries = pgTable(
  "push_deliveries",
  {
    id: id(),
    companyId: companyRef(),
    notificationId: uuid()
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    subscriptionId: uuid()
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: "cascade" }),
    status: text().$type<PushDeliveryStatus>().notNull(),
    attempts: integer().notNull().default(0),
    /** For "sending": when a stopped worker's claim lapses; for "retry": when to try again. */
    nextAttemptAt: at(),
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("push_deliveries_notification_subscription_idx").on(t.notificationId, t.subscriptionId),
    index("push_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
