import "server-only";
import type { Db } from "@/db/client";
import { insertNotifications, listNotificationRecipients, type NotificationDelivery } from "@/db/queries/notifications";
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
 * (email), for their devices (push), or not at all. Returns who got one, on which channels.
 */
export async function recordNotifications(db: Db, { companyId, userIds, kind, data, link, exceptUserId }: NotificationInput) {
  const wanted = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  const members = await listNotificationRecipients(db, { companyId, userIds: wanted });
  const deliveries = members
    .map(({ userId, role, preferences }) => ({ userId, web: wantsNotification({ role, preferences }, kind, "web"), email: wantsNotification({ role, preferences }, kind, "email"), push: wantsNotification({ role, preferences }, kind, "push") }))
    .filter((delivery) => delivery.web || delivery.email || delivery.push);
  await insertNotifications(db, { companyId, deliveries, kind, data, link: link ?? null });
  return deliveries;
}

/** The users a notification reached, whatever the channel (e.g. those a note mentioned). */
export const notifiedUserIds = (deliveries: NotificationDelivery[]) => deliveries.map((delivery) => delivery.userId);

/**
 * Once the rows are committed, each channel that has someone to reach: the bell of those
 * who keep it on the web, the email digests now due, the pushes.
 */
export function announceNotifications(companyId: string, deliveries: NotificationDelivery[]) {
  for (const { userId } of deliveries.filter((delivery) => delivery.web)) publish(companyId, { type: "notification.created", userId });
  const emailed = deliveries.filter((delivery) => delivery.email).map((delivery) => delivery.userId);
  if (emailed.length > 0) void queueNotificationEmails(companyId, emailed);
  if (deliveries.some((delivery) => delivery.push)) requestPushDelivery(companyId);
}

export async function notify(db: Db, input: NotificationInput) {
  announceNotifications(input.companyId, await recordNotifications(db, input));
}
