import "server-only";
import { aliasedTable, and, asc, desc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { BELL_COUNT_CAP } from "@/lib/capped-count";
import { cappedCount } from "./capped-count";
import { conversations, customers, memberships, notifications, users } from "@/db/schema";
import type { NotificationPreferences, Role } from "@/db/schema/users";
import { customerName } from "@/lib/customers/display";

/** The customer a notification is about: named in its data, or found through its conversation or customer id. */
const conversationOfNotification = aliasedTable(conversations, "notification_conversation");
const customerOfNotification = aliasedTable(customers, "notification_customer");
const uuidIn = (key: string) => sql`case when ${notifications.data} ->> ${key} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (${notifications.data} ->> ${key})::uuid end`;

const shownColumns = {
  id: notifications.id,
  companyId: notifications.companyId,
  userId: notifications.userId,
  kind: notifications.kind,
  data: notifications.data,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
  customer: { firstName: customerOfNotification.firstName, lastName: customerOfNotification.lastName, mobile: customerOfNotification.mobile },
  /** The conversation's last message, for kinds that quote none of their own (an assignment). */
  conversationPreview: conversationOfNotification.lastMessagePreview,
};

/** Named as the contact card names them; a name the notification carries wins (it was true when notified). */
function withCustomerName<T extends { data: Record<string, unknown>; customer: { firstName: string; lastName: string; mobile: string | null } | null }>({ customer, ...row }: T) {
  const named = typeof row.data.customerName === "string" && row.data.customerName.trim() ? row.data.customerName : null;
  return { ...row, customerName: named ?? (customer ? customerName(customer) : null) };
}

/** Notifications with the customer's name, in one query (no lookup per row). */
function selectShown(db: Db) {
  return db
    .select(shownColumns)
    .from(notifications)
    .leftJoin(conversationOfNotification, and(eq(conversationOfNotification.id, uuidIn("conversationId")), eq(conversationOfNotification.companyId, notifications.companyId)))
    .leftJoin(
      customerOfNotification,
      and(eq(customerOfNotification.id, sql`coalesce(${uuidIn("customerId")}, ${conversationOfNotification.customerId})`), eq(customerOfNotification.companyId, notifications.companyId)),
    );
}

export type ShownNotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

/** The bell's list: the events the user keeps on the web channel. */
export async function listNotifications(db: Db, { companyId, userId, limit = 15 }: { companyId: string; userId: string; limit?: number }) {
  const rows = await selectShown(db)
    .where(and(eq(notifications.companyId, companyId), eq(notifications.userId, userId), eq(notifications.web, true)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map(withCustomerName);
}

/** The bell's unread count, up to BELL_COUNT_CAP: it runs on every page. */
export async function countUnreadNotifications(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  return cappedCount(db, notifications, and(eq(notifications.companyId, companyId), eq(notifications.userId, userId), eq(notifications.web, true), isNull(notifications.readAt)), BELL_COUNT_CAP);
}

export async function markAllNotificationsRead(db: Db, { companyId, userId, now = new Date() }: { companyId: string; userId: string; now?: Date }) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.companyId, companyId), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** True when the notification is the user's own (in this company) and was unread. */
export async function markNotificationRead(db: Db, { companyId, userId, notificationId, now = new Date() }: { companyId: string; userId: string; notificationId: string; now?: Date }) {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.companyId, companyId), eq(notifications.userId, userId), eq(notifications.id, notificationId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Active members among `userIds`, with what the matrix needs to decide. */
export async function listNotificationRecipients(db: Db, { companyId, userIds }: { companyId: string; userIds: string[] }) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: users.id, role: memberships.role, preferences: users.notificationPreferences })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), eq(memberships.active, true), inArray(memberships.userId, userIds)));
}

/** Who a notification row is for and on which channels their matrix wants it. */
export type NotificationDelivery = { userId: string; web: boolean; email: boolean; push: boolean };

export async function insertNotifications(
  db: Db,
  { companyId, deliveries, kind, data, link }: { companyId: string; deliveries: NotificationDelivery[]; kind: string; data: Record<string, unknown>; link: string | null },
) {
  if (deliveries.length === 0) return;
  await db.insert(notifications).values(deliveries.map(({ userId, web, email, push }) => ({ companyId, userId, kind, data, link, web, push, emailStatus: email ? ("pending" as const) : null })));
}

/** An event's channel defaults by role: the SQL twin of lib/notifications/preferences.ts's channelSetting. */
export type ChannelRule = { event: string; defaults: Record<Role, { web: boolean; email: boolean; push: boolean }> };

/** Whether a member wants `channel` for the rule's event, from their preferences column and role column. */
export function channelWantedSql(preferences: SQL | typeof users.notificationPreferences, role: SQL | typeof memberships.role, rule: ChannelRule, channel: "web" | "email" | "push"): SQL<boolean> {
  return sql<boolean>`coalesce((${preferences} -> ${rule.event}::text ->> ${channel}::text)::boolean, case when ${role} = 'admin' then ${rule.defaults.admin[channel]}::boolean else ${rule.defaults.agent[channel]}::boolean end)`;
}

export async function findNotificationPreferences(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const [row] = await db
    .select({ role: memberships.role, preferences: users.notificationPreferences, language: users.language })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId), eq(memberships.active, true)))
    .limit(1);
  return row;
}

/** Saves the member's matrix; false when they are not (or no longer) a member of the company. */
export async function updateNotificationPreferences(db: Db, { companyId, userId, preferences }: { companyId: string; userId: string; preferences: NotificationPreferences }) {
  const member = db.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId), eq(memberships.active, true)));
  const rows = await db
    .update(users)
    .set({ notificationPreferences: preferences })
    .where(and(eq(users.id, userId), inArray(users.id, member)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The unsubscribe link knows only the person (preferences belong to the user, not to one company). */
export async function findUserNotificationPreferences(db: Db, { userId }: { userId: string }) {
  const [row] = await db.select({ preferences: users.notificationPreferences, language: users.language }).from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

export async function replaceUserNotificationPreferences(db: Db, { userId, preferences }: { userId: string; preferences: NotificationPreferences }) {
  await db.update(users).set({ notificationPreferences: preferences }).where(eq(users.id, userId));
}

/**
 * Whose notification emails are due: they have some waiting and got no digest since
 * `windowStart` (the last one was sent a window ago or more).
 */
export async function listDueEmailDigests(db: Db, { windowStart, companyId, userIds, limit = 100 }: { windowStart: Date; companyId?: string; userIds?: string[]; limit?: number }) {
  return db
    .selectDistinct({ companyId: notifications.companyId, userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        eq(notifications.emailStatus, "pending"),
        companyId ? eq(notifications.companyId, companyId) : undefined,
        userIds ? inArray(notifications.userId, userIds) : undefined,
        sql`not exists (select 1 from notifications recent where recent.user_id = ${notifications.userId} and recent.company_id = ${notifications.companyId} and recent.emailed_at > ${windowStart.toISOString()}::timestamptz)`,
      ),
    )
    .limit(limit);
}

/**
 * Claims a user's waiting notification emails for one digest, in one statement, before
 * the email goes (at most once): only when no digest went out since `windowStart`.
 */
export async function claimEmailDigest(db: Db, { companyId, userId, windowStart, now }: { companyId: string; userId: string; windowStart: Date; now: Date }) {
  const claimed = await db
    .update(notifications)
    .set({ emailStatus: "sent", emailedAt: now })
    .where(
      and(
        eq(notifications.companyId, companyId),
        eq(notifications.userId, userId),
        eq(notifications.emailStatus, "pending"),
        sql`not exists (select 1 from notifications recent where recent.user_id = ${userId}::uuid and recent.company_id = ${companyId}::uuid and recent.emailed_at > ${windowStart.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: notifications.id });
  if (claimed.length === 0) return [];
  const rows = await selectShown(db)
    .where(and(eq(notifications.companyId, companyId), inArray(notifications.id, claimed.map((row) => row.id))))
    .orderBy(asc(notifications.createdAt));
  return rows.map(withCustomerName);
}

export async function markEmailDigestFailed(db: Db, { companyId, notificationIds }: { companyId: string; notificationIds: string[] }) {
  if (notificationIds.length === 0) return;
  await db.update(notifications).set({ emailStatus: "failed" }).where(and(eq(notifications.companyId, companyId), inArray(notifications.id, notificationIds)));
}

/** Of these users, those with notification emails waiting, and when each one's last digest since `since` went out. */
export async function listWaitingEmailWindows(db: Db, { companyId, userIds, since }: { companyId: string; userIds: string[]; since: Date }) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: notifications.userId, lastEmailedAt: sql<Date | null>`max(${notifications.emailedAt}) filter (where ${notifications.emailedAt} > ${since.toISOString()}::timestamptz)`.mapWith((value: string | Date | null) => (value ? new Date(value) : null)) })
    .from(notifications)
    .where(and(eq(notifications.companyId, companyId), inArray(notifications.userId, userIds), or(eq(notifications.emailStatus, "pending"), gt(notifications.emailedAt, since))))
    .groupBy(notifications.userId)
    .having(sql`bool_or(${notifications.emailStatus} = 'pending')`);
}
