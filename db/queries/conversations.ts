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

/** These customers' active conversations (a campaign batch finds them in one query). */
export async function findActiveConversations(db: Db, { companyId, customerIds }: { companyId: string; customerIds: string[] }) {
  if (customerIds.length === 0) return [];
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), inArray(conversations.customerId, customerIds), eq(conversations.archived, false)));
}

/** Many new active conversations in one INSERT; the ones another request created first are left out. */
export async function insertConversations(
  db: Db,
  rows: {
    companyId: string;
    customerId: string;
    assigneeUserId: string | null;
    assigneeTeamId: string | null;
    lastActivityAt: Date;
    createdAt: Date;
    lastOutboundAt?: Date;
    lastMessagePreview?: string;
    lastMessageDirection?: "outbound";
  }[],
) {
  if (rows.length === 0) return [];
  return db.insert(conversations).values(rows).onConflictDoNothing().returning();
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
export type MessageSummary = { conversationId: string; direction: "inbound" | "outbound"; preview: string; at: Date; readByAssignee?: boolean };

export async function recordMessageSummary(db: Db, { companyId, ...summary }: MessageSummary & { companyId: string }) {
  await recordMessageSummaries(db, { companyId, summaries: [summary] });
}

/** Many conversations' summaries in one UPDATE … FROM (VALUES …) (a campaign batch). */
export async function recordMessageSummaries(db: Db, { companyId, summaries }: { companyId: string; summaries: MessageSummary[] }) {
  if (summaries.length === 0) return;
  const values = sql.join(
    summaries.map((row) => sql`(${row.conversationId}::uuid, ${row.at.toISOString()}::timestamptz, ${row.preview.slice(0, 200)}::text, ${row.direction}::text, ${Boolean(row.readByAssignee)}::boolean)`),
    sql`, `,
  );
  await db.execute(sql`
    update conversations c set
      last_activity_at = greatest(c.last_activity_at, v.at),
      last_inbound_at = case when v.direction = 'inbound' then greatest(coalesce(c.last_inbound_at, v.at), v.at) else c.last_inbound_at end,
      last_outbound_at = case when v.direction = 'outbound' then greatest(coalesce(c.last_outbound_at, v.at), v.at) else c.last_outbound_at end,
      -- A message arriving late (out of order) does not replace a newer preview.
      last_message_preview = case when v.at >= c.last_activity_at then v.preview else c.last_message_preview end,
      last_message_direction = case when v.at >= c.last_activity_at then v.direction else c.last_message_direction end,
      assignee_read_at = case when v.read then v.at else c.assignee_read_at end,
      updated_at = now()
    from (values ${values}) as v(id, at, preview, direction, read)
    where c.company_id = ${companyId} and c.id = v.id`);
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
