import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { publish } from "@/lib/live/bus";

export type NotificationKind =
  | "conversation.new_message"
  | "conversation.assigned"
  | "conversation.send_error"
  | "conversation.new_note"
  | "conversation.mention";

/** In-app notification rows (USER-5); email and web push read from them later. */
export async function notify(
  db: Db,
  {
    companyId,
    userIds,
    kind,
    data,
    link,
    exceptUserId,
  }: { companyId: string; userIds: string[]; kind: NotificationKind; data: Record<string, unknown>; link?: string; exceptUserId?: string | null },
) {
  const recipients = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  if (recipients.length === 0) return;
  await db.insert(notifications).values(recipients.map((userId) => ({ companyId, userId, kind, data, link: link ?? null })));
  for (const userId of recipients) publish(companyId, { type: "notification.created", userId });
}
