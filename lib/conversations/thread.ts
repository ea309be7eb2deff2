import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignmentEvents, conversations } from "@/db/schema";
import { routeToAvailable, type Assignee } from "./routing";

export type ActiveConversation = typeof conversations.$inferSelect & { created: boolean; reopened: boolean };

/**
 * The customer's one active conversation (CONV-1): created when missing, reopened when
 * closed. A new or reopened conversation goes to `assignTo`, routed around away users.
 */
export async function ensureActiveConversation(
  db: Db,
  { companyId, customerId, assignTo, now }: { companyId: string; customerId: string; assignTo: Assignee; now: Date },
): Promise<ActiveConversation> {
  const find = async () =>
    (
      await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.companyId, companyId), eq(conversations.customerId, customerId), eq(conversations.archived, false)))
        .limit(1)
    )[0];
  const existing = await find();
  if (existing && existing.status === "open") return { ...existing, created: false, reopened: false };

  if (existing) {
    const keepAssignee = existing.assigneeUserId || existing.assigneeTeamId;
    const target = await routeToAvailable(
      db,
      keepAssignee ? { userId: existing.assigneeUserId, teamId: existing.assigneeTeamId } : assignTo,
    );
    const changed = target.userId !== existing.assigneeUserId || target.teamId !== existing.assigneeTeamId;
    const [reopened] = await db
      .update(conversations)
      .set({
        status: "open",
        closedAt: null,
        assigneeUserId: target.userId,
        assigneeTeamId: target.teamId,
        ...(changed ? { assigneeReadAt: null } : {}),
      })
      .where(eq(conversations.id, existing.id))
      .returning();
    if (changed) await recordAssignment(db, { companyId, conversationId: existing.id, from: existing, to: target, byUserId: null, reason: target.delegated ? "away_delegate" : "default_rule", now });
    return { ...reopened!, created: false, reopened: true };
  }

  const target = await routeToAvailable(db, assignTo);
  const [created] = await db
    .insert(conversations)
    .values({ companyId, customerId, assigneeUserId: target.userId, assigneeTeamId: target.teamId, lastActivityAt: now, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    // Another request created it a moment ago.
    const raced = await find();
    return { ...raced!, created: false, reopened: false };
  }
  if (target.userId || target.teamId) {
    await recordAssignment(db, { companyId, conversationId: created.id, from: null, to: target, byUserId: null, reason: target.delegated ? "away_delegate" : "default_rule", now });
  }
  return { ...created, created: true, reopened: false };
}

export async function recordAssignment(
  db: Db,
  {
    companyId,
    conversationId,
    from,
    to,
    byUserId,
    reason,
    now,
  }: {
    companyId: string;
    conversationId: string;
    from: { assigneeUserId: string | null; assigneeTeamId: string | null } | null;
    to: Assignee;
    byUserId: string | null;
    reason: NonNullable<typeof assignmentEvents.$inferInsert.reason>;
    now: Date;
  },
) {
  await db.insert(assignmentEvents).values({
    companyId,
    conversationId,
    toUserId: to.userId,
    toTeamId: to.teamId,
    fromUserId: from?.assigneeUserId ?? null,
    fromTeamId: from?.assigneeTeamId ?? null,
    byUserId,
    reason,
    createdAt: now,
  });
}

/** Moves the conversation's summary (inbox sort key, preview, unread/unanswered marks). */
export async function recordMessageOnConversation(
  db: Db,
  {
    conversationId,
    direction,
    body,
    at,
    readByAssignee,
  }: { conversationId: string; direction: "inbound" | "outbound"; body: string; at: Date; readByAssignee?: boolean },
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
      lastMessagePreview: sql`case when ${stamp} >= ${conversations.lastActivityAt} then ${body.slice(0, 200)} else ${conversations.lastMessagePreview} end`,
      lastMessageDirection: sql`case when ${stamp} >= ${conversations.lastActivityAt} then ${direction} else ${conversations.lastMessageDirection} end`,
      ...(readByAssignee ? { assigneeReadAt: stamp } : {}),
    })
    .where(eq(conversations.id, conversationId));
}
