import "server-only";
import type { Db } from "@/db/client";
import { insertNotifications, listNotificationRecipients } from "@/db/queries/notifications";
import { publish } from "@/lib/live/bus";
import type { NotificationKind } from "./kinds";
import { queueNotificationEmails } from "./email-queue";
import { wantsNotification } from "./preferences";
import { requestPushDelivery } from "@/lib/push/request";

export type NotificationInput = {
  companyId: string;
  userIds: string[];
  kind: NotificationKind;
  data: Record<string, unknown>;
  link?: string;
  exceptUserId?: string | null;
};

/**
 * Inserts notification rows (USER-5), e.g. inside the caller's transaction, as each
 * recipient's matrix wants them: shown under the bell (web), waiting for an email digest
 * (email), for their devices (push), or not at all. Returns who got one.
 */
export async function recordNotifications(db: Db, { companyId, userIds, kind, data, link, exceptUserId }: NotificationInput) {
  const wanted = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  const members = await listNotificationRecipients(db, { companyId, userIds: wanted });
  const deliveries = members
    .map(({ userId, role, preferences }) => ({ userId, web: wantsNotification({ role, preferences }, kind, "web"), email: wantsNotification({ role, preferences }, kind, "email"), push: wantsNotification({ role, preferences }, kind, "push") }))
    .filter((delivery) => delivery.web || delivery.email || delivery.push);
  await insertNotifications(db, { companyId, deliveries, kind, data, link: link ?? null });
  const delivered = new Set(deliveries.map((delivery) => delivery.userId));
  return wanted.filter((id) => delivered.has(id));
}

/** Tells the recipients' open browsers, and sends the emails now due, once the rows are committed. */
export function announceNotifications(companyId: string, userIds: string[]) {
  for (const userId of userIds) publish(companyId, { type: "notification.created", userId });
  if (userIds.length > 0) void queueNotificationEmails(companyId, userIds);
  if (userIds.length > 0) requestPushDelivery(companyId);
}

export async function notify(db: Db, input: NotificationInput) {
  announceNotifications(input.companyId, await recordNotifications(db, input));
}
