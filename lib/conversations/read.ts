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

/** The conversation a page opens, marked read; undefined when it is not the company's. */
export async function openConversation(db: Db, { companyId, userId, conversationId }: { companyId: string; userId: string; conversationId: string }) {
  const detail = await getConversationDetail(db, { companyId, conversationId });
  if (detail) await markConversationRead(db, { companyId, userId, conversation: detail.conversation });
  return detail;
}

/**
 * The user's unread count as the inbox shows it, in its list and its tab title, counted
 * once per request. The conversation being opened is left out — it is read once the page
 * has marked it (if it is in their count, it is theirs) — so the count writes nothing and
 * does not wait for the mark: metadata may be asked for without the page (a prefetch).
 */
export const unreadCountOnOpening = cache(async (db: Db, companyId: string, userId: string, conversationId: string | undefined) =>
  countMyUnread(db, { companyId, userId, exceptConversationId: conversationId }),
);
