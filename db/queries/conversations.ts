import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, customers, users } from "@/db/schema";

export type ConversationCursor = { lastActivityAt: string; id: string };

export type ConversationListFilter = {
  status?: "open" | "closed" | "all";
  assigneeUserId?: string;
  assigneeTeamId?: string;
};

/** Newest activity first, keyset-paginated on (last_activity_at, id). */
export async function listConversations(
  db: Db,
  {
    companyId,
    filter = {},
    cursor,
    limit = 50,
  }: { companyId: string; filter?: ConversationListFilter; cursor?: ConversationCursor; limit?: number },
) {
  const conditions: SQL[] = [eq(conversations.companyId, companyId), eq(conversations.archived, false)];
  const status = filter.status ?? "open";
  if (status !== "all") conditions.push(eq(conversations.status, status));
  if (filter.assigneeUserId) conditions.push(eq(conversations.assigneeUserId, filter.assigneeUserId));
  if (filter.assigneeTeamId) conditions.push(eq(conversations.assigneeTeamId, filter.assigneeTeamId));
  if (cursor) {
    const at = new Date(cursor.lastActivityAt);
    conditions.push(
      or(
        lt(conversations.lastActivityAt, at),
        and(eq(conversations.lastActivityAt, at), lt(conversations.id, cursor.id)),
      )!,
    );
  }
  const rows = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      lastActivityAt: conversations.lastActivityAt,
      lastMessagePreview: conversations.lastMessagePreview,
      lastMessageDirection: conversations.lastMessageDirection,
      lastInboundAt: conversations.lastInboundAt,
      lastOutboundAt: conversations.lastOutboundAt,
      assigneeUserId: conversations.assigneeUserId,
      assigneeTeamId: conversations.assigneeTeamId,
      assigneeReadAt: conversations.assigneeReadAt,
      customerId: customers.id,
      customerFirstName: customers.firstName,
      customerLastName: customers.lastName,
      customerMobile: customers.mobile,
      assigneeName: users.name,
    })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(users, eq(users.id, conversations.assigneeUserId))
    .where(and(...conditions))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    conversations: page,
    nextCursor: rows.length > limit && last ? { lastActivityAt: last.lastActivityAt.toISOString(), id: last.id } : null,
  };
}

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
    .returning({ id: conversations.id, status: conversations.status });
  return row;
}
