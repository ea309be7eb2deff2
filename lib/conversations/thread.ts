import "server-only";
import type { Db } from "@/db/client";
import { findActiveConversation, findActiveConversations, insertConversation, insertConversations, recordMessageSummary, reopenConversation } from "@/db/queries/conversations";
import { recordAssignments } from "./assignment";
import type { Conversation } from "./types";
import { routeToAvailable, type Assignee } from "./routing";

export type ActiveConversation = Conversation & { created: boolean; reopened: boolean };

/**
 * The customer's one active conversation (CONV-1): created when missing, reopened when
 * closed. A new or reopened conversation goes to `assignTo`, routed around away users.
 * Its assignment is committed with it (a savepoint when the caller is in a transaction),
 * so the caller nudges webhook delivery afterwards.
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
    const reopened = await db.transaction(async (tx) => {
      const row = await reopenConversation(tx, { companyId, conversationId: existing.id, assignee: target, assigneeChanged: changed });
      if (changed) await recordAssignments(tx, { companyId, changes: [{ conversationId: existing.id, customerId, from: existing }], to: target, byUserId: null, reason: routedReason(target), now });
      return row;
    });
    return { ...reopened!, created: false, reopened: true };
  }

  const target = await routeToAvailable(db, assignTo);
  const created = await db.transaction(async (tx) => {
    const row = await insertConversation(tx, { companyId, customerId, assigneeUserId: target.userId, assigneeTeamId: target.teamId, lastActivityAt: now, createdAt: now });
    if (row && (target.userId || target.teamId)) {
      await recordAssignments(tx, { companyId, changes: [{ conversationId: row.id, customerId, from: null }], to: target, byUserId: null, reason: routedReason(target), now });
    }
    return row;
  });
  if (!created) {
    // Another request created it a moment ago.
    const raced = await findActiveConversation(db, { companyId, customerId });
    return { ...raced!, created: false, reopened: false };
  }
  return { ...created, created: true, reopened: false };
}

/**
 * ensureActiveConversation for many customers (a campaign batch): the open ones found in
 * one query, the missing ones created in one INSERT routed once — carrying the summary of
 * the outbound text about to be recorded (`outboundPreviews`), so they need no UPDATE
 * after; a closed one is reopened one by one (rare, and its assignee is its own).
 */
export async function ensureActiveConversations(
  db: Db,
  { companyId, customerIds, assignTo, now, outboundPreviews }: { companyId: string; customerIds: string[]; assignTo: Assignee; now: Date; outboundPreviews?: Map<string, string> },
): Promise<Map<string, Conversation & { created: boolean }>> {
  const found = new Map((await findActiveConversations(db, { companyId, customerIds })).map((row) => [row.customerId, row]));
  const result = new Map<string, Conversation & { created: boolean }>();
  for (const customerId of customerIds) {
    const existing = found.get(customerId);
    if (existing?.status === "open") result.set(customerId, { ...existing, created: false });
    else if (existing) result.set(customerId, { ...(await ensureActiveConversation(db, { companyId, customerId, assignTo, now })), created: false });
  }
  const missing = customerIds.filter((customerId) => !found.has(customerId));
  if (missing.length === 0) return result;
  const target = await routeToAvailable(db, assignTo);
  const created = await insertConversations(
    db,
    missing.map((customerId) => {
      const preview = outboundPreviews?.get(customerId);
      const summary = preview === undefined ? {} : { lastOutboundAt: now, lastMessagePreview: preview.slice(0, 200), lastMessageDirection: "outbound" as const };
      return { companyId, customerId, assigneeUserId: target.userId, assigneeTeamId: target.teamId, lastActivityAt: now, createdAt: now, ...summary };
    }),
  );
  for (const row of created) result.set(row.customerId, { ...row, created: true });
  if (target.userId || target.teamId) {
    await recordAssignments(db, { companyId, changes: created.map((row) => ({ conversationId: row.id, customerId: row.customerId, from: null })), to: target, byUserId: null, reason: routedReason(target), now });
  }
  // Another request created some a moment ago.
  const raced = missing.filter((customerId) => !result.has(customerId));
  for (const row of await findActiveConversations(db, { companyId, customerIds: raced })) result.set(row.customerId, { ...row, created: false });
  return result;
}

const routedReason = (target: { delegated: boolean }) => (target.delegated ? "away_delegate" : "default_rule");

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
