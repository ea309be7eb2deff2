import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { assignmentEvents, conversationReads, conversations } from "@/db/schema";

export async function findConversation(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)))
    .limit(1);
  return row;
}

export async function setConversationStatus(
  db: Db,
  { companyId, conversationId, status, now = new Date() }: { companyId: string; conversationId: string; status: "open" | "closed"; now?: Date },
) {
  const [row] = await db
    .update(conversations)
    .set({ status, closedAt: status === "closed" ? now : null })
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)))
    .returning({ id: conversations.id, status: conversations.status, customerId: conversations.customerId, closedAt: conversations.closedAt });
  return row;
}

/** A deleted team's conversations stay, unassigned (a team holds a conversation without a user). */
export async function unassignTeamConversations(db: Db, { companyId, teamId }: { companyId: string; teamId: string }) {
  return db
    .update(conversations)
    .set({ assigneeTeamId: null })
    .where(and(eq(conversations.companyId, companyId), eq(conversations.assigneeTeamId, teamId)))
    .returning({ id: conversations.id, customerId: conversations.customerId });
}

/** The customer's one active (non-archived) conversation, if any (CONV-1). */
export async function findActiveConversation(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), eq(conversations.customerId, customerId), eq(conversations.archived, false)))
    .limit(1);
  return row;
}

/** Inserts the customer's active conversation; undefined when another request created it first. */
export async function insertConversation(
  db: Db,
  values: { companyId: string; customerId: string; assigneeUserId: string | null; assigneeTeamId: string | null; lastActivityAt: Date; createdAt: Date },
) {
  const [row] = await db.insert(conversations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function reopenConversation(
  db: Db,
  {
    companyId,
    conversationId,
    assignee,
    assigneeChanged,
  }: { companyId: string; conversationId: string; assignee: { userId: string | null; teamId: string | null }; assigneeChanged: boolean },
) {
  const [row] = await db
    .update(conversations)
    .set({
      status: "open",
      closedAt: null,
      assigneeUserId: assignee.userId,
      assigneeTeamId: assignee.teamId,
      ...(assigneeChanged ? { assigneeReadAt: null } : {}),
    })
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)))
    .returning();
  return row;
}

/** Gives conversations to a new assignee, who has not read them yet. */
export async function setConversationsAssignee(
  db: Db,
  { companyId, conversationIds, assignee }: { companyId: string; conversationIds: string[]; assignee: { userId: string | null; teamId: string | null } },
) {
  if (conversationIds.length === 0) return;
  await db
    .update(conversations)
    .set({ assigneeUserId: assignee.userId, assigneeTeamId: assignee.teamId, assigneeReadAt: null })
    .where(and(eq(conversations.companyId, companyId), inArray(conversations.id, conversationIds)));
}

export type AssignmentEventValues = Omit<typeof assignmentEvents.$inferInsert, "id">;

export async function insertAssignmentEvents(db: Db, rows: AssignmentEventValues[]) {
  if (rows.length === 0) return;
  await db.insert(assignmentEvents).values(rows);
}

/** Moves the conversation's summary (inbox sort key, preview, unread/unanswered marks). */
export async function recordMessageSummary(
  db: Db,
  {
    companyId,
    conversationId,
    direction,
    preview,
    at,
    readByAssignee,
  }: { companyId: string; conversationId: string; direction: "inbound" | "outbound"; preview: string; at: Date; readByAssignee?: boolean },
) {
  const stamp = sql`${at.toISOString()}::timestamptz`;
  await db
    .update(conversations)
    .set({
      lastActivityAt: sql`greatest(${conversations.lastActivityAt}, ${stamp})`,
      ...(direction === "inbound"
        ? { lastInboundAt: sql`greatest(coalesce(${conversations.lastInboundAt}, ${stamp}), ${stamp})` }
        : { lastOutboundAt: sql`greatest(coalesce(${conversations.lastOutboundAt}, ${stamp}), ${stamp})` }),
      // A message arriving late (out of order) does not replace a newer preview.
      lastMessagePreview: sql`case when ${stamp} >= ${conversations.lastActivityAt} then ${preview} else ${conversations.lastMessagePreview} end`,
      lastMessageDirection: sql`case when ${stamp} >= ${conversations.lastActivityAt} then ${direction} else ${conversations.lastMessageDirection} end`,
      ...(readByAssignee ? { assigneeReadAt: stamp } : {}),
    })
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)));
}

/** The user's own read mark on a conversation. */
export async function upsertConversationRead(db: Db, { companyId, conversationId, userId, now }: { companyId: string; conversationId: string; userId: string; now: Date }) {
  await db
    .insert(conversationReads)
    .values({ conversationId, userId, companyId, readAt: now })
    .onConflictDoUpdate({ target: [conversationReads.conversationId, conversationReads.userId], set: { readAt: now } });
}

/** Moves the assignee's read mark (CONV-9) when the customer wrote since; true when it moved. */
export async function markAssigneeRead(db: Db, { companyId, conversationId, now }: { companyId: string; conversationId: string; now: Date }) {
  const [updated] = await db
    .update(conversations)
    .set({ assigneeReadAt: now })
    .where(
      and(
        eq(conversations.companyId, companyId),
        eq(conversations.id, conversationId),
        sql`(${conversations.assigneeReadAt} is null or ${conversations.assigneeReadAt} < ${conversations.lastInboundAt})`,
      ),
    )
    .returning({ id: conversations.id });
  return Boolean(updated);
}

/**
 * CONV-7: closes open conversations inactive for their company's number of days (off when
 * unset). A system sweep over every company, scoped by the join; running it twice closes
 * nothing twice.
 */
export async function closeInactiveConversations(db: Db, { now }: { now: Date }) {
  return queryRows<{ id: string; company_id: string; customer_id: string }>(
    db,
    sql`update conversations c
        set status = 'closed', closed_at = ${now.toISOString()}::timestamptz, updated_at = now()
        from companies co
        where co.id = c.company_id
          and co.auto_close_days is not null
          and c.status = 'open'
          and c.archived = false
          and c.last_activity_at < ${now.toISOString()}::timestamptz - make_interval(days => co.auto_close_days)
        returning c.id, c.company_id, c.customer_id`,
  );
}
