import "server-only";
import type { Db } from "@/db/client";
import {
  findActiveConversation,
  insertAssignmentEvents,
  insertConversation,
  recordMessageSummary,
  reopenConversation,
  type AssignmentEventValues,
} from "@/db/queries/conversations";
import type { Conversation } from "./types";
import { routeToAvailable, type Assignee } from "./routing";

export type ActiveConversation = Conversation & { created: boolean; reopened: boolean };

/**
 * The customer's one active conversation (CONV-1): created when missing, reopened when
 * closed. A new or reopened conversation goes to `assignTo`, routed around away users.
 */
export async function ensureActiveConversation(
  db: Db,
  { companyId, customerId, assignTo, now }: { companyId: string; customerId: string; assignTo: Assignee; now: Date },
): Promise<ActiveConversation> {
  const existing = await findActiveConversation(db, { companyId, customerId });
  if (existing && existing.status === "open") return { ...existing, created: false, reopened: false };

  if (existing) {
    const keepAssignee = existing.assigneeUserId || existing.assigneeTeamId;
    const target = await routeToAvailable(
      db,
      keepAssignee ? { userId: existing.assigneeUserId, teamId: existing.assigneeTeamId } : assignTo,
    );
    const changed = target.userId !== existing.assigneeUserId || target.teamId !== existing.assigneeTeamId;
    const reopened = await reopenConversation(db, { companyId, conversationId: existing.id, assignee: target, assigneeChanged: changed });
    if (changed) await recordAssignment(db, { companyId, conversationId: existing.id, from: existing, to: target, byUserId: null, reason: target.delegated ? "away_delegate" : "default_rule", now });
    return { ...reopened!, created: false, reopened: true };
  }

  const target = await routeToAvailable(db, assignTo);
  const created = await insertConversation(db, { companyId, customerId, assigneeUserId: target.userId, assigneeTeamId: target.teamId, lastActivityAt: now, createdAt: now });
  if (!created) {
    // Another request created it a moment ago.
    const raced = await findActiveConversation(db, { companyId, customerId });
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
    reason: NonNullable<AssignmentEventValues["reason"]>;
    now: Date;
  },
) {
  await insertAssignmentEvents(db, [
    {
      companyId,
      conversationId,
      toUserId: to.userId,
      toTeamId: to.teamId,
      fromUserId: from?.assigneeUserId ?? null,
      fromTeamId: from?.assigneeTeamId ?? null,
      byUserId,
      reason,
      createdAt: now,
    },
  ]);
}

/** Moves the conversation's summary (inbox sort key, preview, unread/unanswered marks). */
export async function recordMessageOnConversation(
  db: Db,
  {
    companyId,
    conversationId,
    direction,
    body,
    at,
    readByAssignee,
  }: { companyId: string; conversationId: string; direction: "inbound" | "outbound"; body: string; at: Date; readByAssignee?: boolean },
) {
  await recordMessageSummary(db, { companyId, conversationId, direction, preview: body.slice(0, 200), at, readByAssignee });
}
