import "server-only";
import type { Db } from "@/db/client";
import { insertNotifications } from "@/db/queries/notifications";
import { publish } from "@/lib/live/bus";
import { requestPushDelivery } from "@/lib/push/request";

export type NotificationKind =
  | "conversation.new_message"
  | "conversation.assigned"
  | "conversation.send_error"
  | "conversation.new_note"
  | "conversation.mention"
  | "conversation.export_ready"
  | "customer.mention"
  | "scheduled.failed"
  | "appointment.confirmed"
  | "appointment.cancelled"
  | "payment.paid_mine"
  | "payment.paid_others"
  | "review.new"
  | "import.completed"
  | "import.errors"
  | "inbound.unreplyable_sender"
  | "automation.send_failed"
  | "automation.negative_reply"
  | "automation.appointment_confirmed"
  | "automation.appointment_cancelled"
  | "automation.reschedule_requested"
  | "automation.reply_needs_attention"
  | "automation.result_note"
  | "campaign.completed"
  | "campaign.send_failed"
  | "campaign.recipient_note"
  | "webhooks.endpoint_disabled";

export type NotificationInput = {
  companyId: string;
  userIds: string[];
  kind: NotificationKind;
  data: Record<string, unknown>;
  link?: string;
  exceptUserId?: string | null;
};

/** Inserts in-app notification rows (USER-5), e.g. inside the caller's transaction; returns who gets one. */
export async function recordNotifications(db: Db, { companyId, userIds, kind, data, link, exceptUserId }: NotificationInput) {
  const recipients = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  await insertNotifications(db, { companyId, userIds: recipients, kind, data, link: link ?? null });
  return recipients;
}

/** Tells the recipients' open browsers, once the rows are committed. */
export function announceNotifications(companyId: string, userIds: string[]) {
  for (const userId of userIds) publish(companyId, { type: "notification.created", userId });
  if (userIds.length > 0) requestPushDelivery(companyId);
}

export async function notify(db: Db, input: NotificationInput) {
  announceNotifications(input.companyId, await recordNotifications(db, input));
}
