import "server-only";
import type { Db } from "@/db/client";
import { findConversation, setConversationsAssignee } from "@/db/queries/conversations";
import { findCompanyUser } from "@/db/queries/users";
import { recordAssignment } from "@/lib/conversations/thread";
import { publish } from "@/lib/live/bus";
import { notify } from "@/lib/notifications/notify";

/** The conversation goes to the user who receives an automation's or a campaign's replies. */
export async function routeConversation(
  db: Db,
  { companyId, conversationId, userId, now, reason }: { companyId: string; conversationId: string; userId: string; now: Date; reason: "automation" },
) {
  const [conversation, user] = await Promise.all([findConversation(db, { companyId, conversationId }), findCompanyUser(db, { companyId, userId })]);
  if (!conversation || !user || conversation.assigneeUserId === userId) return;
  await setConversationsAssignee(db, { companyId, conversationIds: [conversationId], assignee: { userId, teamId: null } });
  await recordAssignment(db, { companyId, conversationId, from: conversation, to: { userId, teamId: null }, byUserId: null, reason, now });
  await notify(db, { companyId, userIds: [userId], kind: "conversation.assigned", data: { count: 1, conversationId, byUserId: null }, link: `/conversations/${conversationId}` });
  publish(companyId, { type: "conversation.updated", conversationId });
}
