import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamIdsOf } from "@/db/queries/inbox";
import { conversationReads, conversations } from "@/db/schema";
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
  await db
    .insert(conversationReads)
    .values({ conversationId: conversation.id, userId, companyId, readAt: now })
    .onConflictDoUpdate({ target: [conversationReads.conversationId, conversationReads.userId], set: { readAt: now } });
  const isAssignee =
    conversation.assigneeUserId === userId ||
    (conversation.assigneeTeamId !== null && (await teamIdsOf(db, { companyId, userId })).includes(conversation.assigneeTeamId));
  if (!isAssignee) return { assigneeRead: false };
  const [updated] = await db
    .update(conversations)
    .set({ assigneeReadAt: now })
    .where(
      and(
        eq(conversations.companyId, companyId),
        eq(conversations.id, conversation.id),
        sql`(${conversations.assigneeReadAt} is null or ${conversations.assigneeReadAt} < ${conversations.lastInboundAt})`,
      ),
    )
    .returning({ id: conversations.id });
  if (updated) publish(companyId, { type: "conversation.updated", conversationId: conversation.id });
  return { assigneeRead: true };
}
