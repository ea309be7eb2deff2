import "server-only";
import type { Db } from "@/db/client";
import { findConversation } from "@/db/queries/conversations";
import { findCompanyUser } from "@/db/queries/users";
import { reassignConversations } from "@/lib/conversations/assignment";
import { publish } from "@/lib/live/bus";
import { notify } from "@/lib/notifications/notify";
import { nudgeWebhookDelivery } from "@/lib/webhooks/record";

/** The conversation goes to the user who receives an automation's or a campaign's replies. */
export async function routeConversation(
  db: Db,
  { companyId, conversationId, userId, now, reason }: { companyId: string; conversationId: string; userId: string; now: Date; reason: "automation" },
) {
  const [conversation, user] = await Promise.all([findConversation(db, { companyId, conversationId }), findCompanyUser(db, { companyId, userId })]);
  if (!conversation || !user || conversation.assigneeUserId === userId) return;
  await db.transaction((tx) =>
    reassignConversations(tx, { companyId, changes: [{ conversationId, customerId: conversation.customerId, from: conversation }], to: { userId, teamId: null }, byUserId: null, reason, now }),
  );
  await nudgeWebhookDelivery();
  await notify(db, { companyId, userIds: [userId], kind: "conversation.assigned", data: { count: 1, conversationId, byUserId: null }, link: `/conversations/${conversationId}` });
  publish(companyId, { type: "conversation.updated", conversationId });
}
