import "server-only";
import { cache } from "react";
import type { Db } from "@/db/client";
import { markAssigneeRead, upsertConversationRead } from "@/db/queries/conversations";
import { countMyUnread, getConversationDetail, teamIdsOf } from "@/db/queries/inbox";
import { publish } from "@/lib/live/bus";

/**
 * The user opened the conversation. Their own read mark moves; the assignee's mark
 * (CONV-9) moves only when they are the assignee or a member of the assigned team, so
 * an admin looking does not hide it from the assignee.
 */
export async function markConversationRead(
  db: Db,
  { companyId, userId, conversation, now = new Date() }: { companyId: string; userId: string; conversation: { id: string; assigneeUserId: string | null; assigneeTeamId: string | null }; now?: Date },
) {
  await upsertConversationRead(db, { companyId, conversationId: conversation.id, userId, now });
  const isAssignee =
    conversation.assigneeUserId === userId ||
    (conversation.assigneeTeamId !== null && (await teamIdsOf(db, { companyId, userId })).includes(conversation.assigneeTeamId));
  if (!isAssignee) return { assigneeRead: false };
  if (await markAssigneeRead(db, { companyId, conversationId: conversation.id, now })) {
    publish(companyId, { type: "conversation.updated", conversationId: conversation.id });
  }
  return { assigneeRead: true };
}

/**
 * The conversation a page opens, fetched and marked read once per request: the page and
 * its tab title (generateMetadata) both ask.
 */
export const openConversation = cache(async (db: Db, companyId: string, userId: string, conversationId: string) => {
  const detail = await getConversationDetail(db, { companyId, conversationId });
  if (detail) await markConversationRead(db, { companyId, userId, conversation: detail.conversation });
  return detail;
});

/**
 * The user's unread count as the inbox shows it, in its list and its tab title: counted
 * once per request, after the conversation being opened (if any) is marked read.
 */
export const unreadCountAfterOpening = cache(async (db: Db, companyId: string, userId: string, conversationId: string | undefined) => {
  if (conversationId) await openConversation(db, companyId, userId, conversationId);
  return countMyUnread(db, { companyId, userId });
});
