import "server-only";
import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cache } from "react";
import type { Db } from "@/db/client";
import { cappedCount } from "./capped-count";
import { assignmentEvents, attachments, conversations, customers, messages, notes, paymentRequests, teamMembers, teams, users } from "@/db/schema";

export type InboxView = { kind: "mine" } | { kind: "all" } | { kind: "user"; id: string } | { kind: "team"; id: string };
export type ReadFlag = "read" | "unread" | "unanswered";
export type InboxFilter = { view: InboxView; status: "open" | "closed" | "all"; flags: ReadFlag[] };
export type InboxCursor = { lastActivityAt: string; id: string };

/** Unread: the customer wrote since the assignee (or a member of the team) last read. */
export const unreadCondition = sql`(${conversations.lastInboundAt} is not null and (${conversations.assigneeReadAt} is null or ${conversations.assigneeReadAt} < ${conversations.lastInboundAt}))`;
/** Unanswered: the last word is the customer's. */
export const unansweredCondition = sql`(${conversations.lastInboundAt} is not null and (${conversations.lastOutboundAt} is null or ${conversations.lastOutboundAt} < ${conversations.lastInboundAt}))`;

// Once per request: the inbox list, its unread badge, the tab title and "mark read" all ask.
const teamIdsOfUser = cache(async (db: Db, companyId: string, userId: string) => {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.companyId, companyId), eq(teamMembers.userId, userId)));
  return rows.map((row) => row.teamId);
});

export async function teamIdsOf(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  return teamIdsOfUser(db, companyId, userId);
}

/** The WHERE of an inbox list; also used by "assign all" so both select the same rows. */
export async function inboxConditions(db: Db, { companyId, userId, filter }: { companyId: string; userId: string; filter: InboxFilter }) {
  const conditions: SQL[] = [eq(conversations.companyId, companyId), eq(conversations.archived, false)];
  if (filter.status !== "all") conditions.push(eq(conversations.status, filter.status));
  const view = filter.view;
  if (view.kind === "mine") {
    const myTeams = await teamIdsOf(db, { companyId, userId });
    conditions.push(
      myTeams.length
        ? or(eq(conversations.assigneeUserId, userId), inArray(conversations.assigneeTeamId, myTeams))!
        : eq(conversations.assigneeUserId, userId),
    );
  } else if (view.kind === "user") {
    conditions.push(eq(conversations.assigneeUserId, view.id));
  } else if (view.kind === "team") {
    conditions.push(eq(conversations.assigneeTeamId, view.id));
  }
  const flags = new Set(filter.flags);
  // Read / Unread / Unanswered combine: a conversation shows if it matches any checked.
  if (flags.size > 0 && !(flags.has("read") && flags.has("unread"))) {
    const any: SQL[] = [];
    if (flags.has("read")) any.push(sql`not ${unreadCondition}`);
    if (flags.has("unread")) any.push(unreadCondition);
    if (flags.has("unanswered")) any.push(unansweredCondition);
    conditions.push(or(...any)!);
  }
  return conditions;
}

const assigneeUser = alias(users, "assignee_user");

export type InboxRow = Awaited<ReturnType<typeof listInbox>>["rows"][number];

/** One page of the inbox, newest activity first, keyset-paginated on (last_activity_at, id). */
export async function listInbox(
  db: Db,
  { companyId, userId, filter, cursor, limit = 40 }: { companyId: string; userId: string; filter: InboxFilter; cursor?: InboxCursor | null; limit?: number },
) {
  const conditions = await inboxConditions(db, { companyId, userId, filter });
  if (cursor) {
    const at = sql`${cursor.lastActivityAt}::timestamptz`;
    conditions.push(sql`(${conversations.lastActivityAt}, ${conversations.id}) < (${at}, ${cursor.id}::uuid)`);
  }
  const rows = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      lastActivityAt: conversations.lastActivityAt,
      lastInboundAt: conversations.lastInboundAt,
      preview: conversations.lastMessagePreview,
      direction: conversations.lastMessageDirection,
      assigneeUserId: conversations.assigneeUserId,
      assigneeTeamId: conversations.assigneeTeamId,
      assigneeUserName: assigneeUser.name,
      assigneeUserAway: assigneeUser.awayEnabled,
      assigneeTeamName: teams.name,
      unread: sql<boolean>`${unreadCondition}`,
      unanswered: sql<boolean>`${unansweredCondition}`,
      customerId: customers.id,
      firstName: customers.firstName,
      lastName: customers.lastName,
      mobile: customers.mobile,
    })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(assigneeUser, eq(assigneeUser.id, conversations.assigneeUserId))
    .leftJoin(teams, eq(teams.id, conversations.assigneeTeamId))
    .where(and(...conditions))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? { lastActivityAt: last.lastActivityAt.toISOString(), id: last.id } : null,
  };
}

/**
 * Open conversations assigned to the user (or their teams) that they have not read, up to
 * COUNT_CAP ("999+"): the page-title count. `exceptConversationId`: one left out, the one
 * being opened (opening a conversation of one's own marks it read).
 */
export async function countMyUnread(db: Db, { companyId, userId, exceptConversationId }: { companyId: string; userId: string; exceptConversationId?: string }) {
  const conditions = await inboxConditions(db, { companyId, userId, filter: { view: { kind: "mine" }, status: "open", flags: ["unread"] } });
  return cappedCount(db, conversations, and(...conditions, exceptConversationId ? ne(conversations.id, exceptConversationId) : undefined));
}

export async function getConversationDetail(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  const [row] = await db
    .select({ conversation: conversations, customer: customers })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)))
    .limit(1);
  return row;
}

const sender = alias(users, "sender");

/** The newest `limit` messages of a conversation, oldest first for display, and whether older ones exist. */
export async function listThreadMessages(db: Db, { companyId, conversationId, limit }: { companyId: string; conversationId: string; limit: number }) {
  const found = await db
    .select({ message: messages, senderName: sender.name })
    .from(messages)
    .leftJoin(sender, eq(sender.id, messages.senderUserId))
    .where(and(eq(messages.companyId, companyId), eq(messages.conversationId, conversationId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit + 1);
  return { rows: found.slice(0, limit).reverse(), hasEarlier: found.length > limit };
}

const toUser = alias(users, "to_user");
const byUser = alias(users, "by_user");

export async function listAssignmentHistory(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  return db
    .select({
      id: assignmentEvents.id,
      createdAt: assignmentEvents.createdAt,
      reason: assignmentEvents.reason,
      toUserName: toUser.name,
      toTeamName: teams.name,
      byUserName: byUser.name,
    })
    .from(assignmentEvents)
    .leftJoin(toUser, eq(toUser.id, assignmentEvents.toUserId))
    .leftJoin(teams, eq(teams.id, assignmentEvents.toTeamId))
    .leftJoin(byUser, eq(byUser.id, assignmentEvents.byUserId))
    .where(and(eq(assignmentEvents.companyId, companyId), eq(assignmentEvents.conversationId, conversationId)))
    .orderBy(asc(assignmentEvents.createdAt));
}

const author = alias(users, "author");

/** A conversation's internal notes (EDIT-14), oldest first. */
export async function listThreadNotes(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  return db
    .select({ note: notes, authorName: author.name, authorPhotoUrl: author.photoUrl })
    .from(notes)
    .leftJoin(author, eq(author.id, notes.authorUserId))
    .where(and(eq(notes.companyId, companyId), eq(notes.conversationId, conversationId)))
    .orderBy(asc(notes.createdAt))
    .limit(500);
}

/** The files of the given messages and notes, in one query. */
export async function listAttachmentsOf(db: Db, { companyId, messageIds, noteIds }: { companyId: string; messageIds: string[]; noteIds: string[] }) {
  if (messageIds.length === 0 && noteIds.length === 0) return [];
  const owners = [messageIds.length ? inArray(attachments.messageId, messageIds) : undefined, noteIds.length ? inArray(attachments.noteId, noteIds) : undefined].filter(Boolean);
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.companyId, companyId), or(...owners)))
    .orderBy(asc(attachments.createdAt));
}

/** The customer's payment requests, shown as cards on the messages that carried them (EDIT-6). */
export async function listPaymentRequestsOf(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  return db
    .select()
    .from(paymentRequests)
    .where(and(eq(paymentRequests.companyId, companyId), eq(paymentRequests.customerId, customerId)))
    .orderBy(asc(paymentRequests.createdAt));
}

export type AssignSelection = { conversationIds: string[] } | { filter: InboxFilter };

/** The current assignees of the conversations an assignment targets: given ids, or every match of an inbox filter. */
export async function listAssignmentTargets(db: Db, { companyId, userId, selection }: { companyId: string; userId: string; selection: AssignSelection }) {
  if ("conversationIds" in selection && selection.conversationIds.length === 0) return [];
  const where =
    "conversationIds" in selection
      ? and(eq(conversations.companyId, companyId), eq(conversations.archived, false), inArray(conversations.id, selection.conversationIds))
      : and(...(await inboxConditions(db, { companyId, userId, filter: selection.filter })));
  return db
    .select({ id: conversations.id, assigneeUserId: conversations.assigneeUserId, assigneeTeamId: conversations.assigneeTeamId, customerId: conversations.customerId })
    .from(conversations)
    .where(where);
}
