import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";

export async function listNotifications(db: Db, { companyId, userId, limit = 15 }: { companyId: string; userId: string; limit?: number }) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.companyId, companyId), eq(notifications.userId, userId)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function countUnreadNotifications(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.companyId, companyId), eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.value ?? 0;
}

export async function markAllNotificationsRead(db: Db, { companyId, userId, now = new Date() }: { companyId: string; userId: string; now?: Date }) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.companyId, companyId), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function insertNotifications(
  db: Db,
  { companyId, userIds, kind, data, link }: { companyId: string; userIds: string[]; kind: string; data: Record<string, unknown>; link: string | null },
) {
  if (userIds.length === 0) return;
  await db.insert(notifications).values(userIds.map((userId) => ({ companyId, userId, kind, data, link })));
}
