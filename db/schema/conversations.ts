import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";
import { customers } from "./customers";
import { users } from "./users";

export type ConversationStatus = "open" | "closed";

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    status: text().$type<ConversationStatus>().notNull().default("open"),
    /** An older conversation kept on a merged profile (CONV-15); never the active one. */
    archived: boolean().notNull().default(false),
    assigneeUserId: uuid(),
    assigneeTeamId: uuid(),
    /** Newest message or event: the inbox sort key. */
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastInboundAt: at(),
    lastOutboundAt: at(),
    lastMessagePreview: text(),
    lastMessageDirection: text().$type<"inbound" | "outbound">(),
    /** When the assignee (or, for a team, any member) last read it (CONV-9). */
    assigneeReadAt: at(),
    closedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("conversations_active_customer_idx")
      .on(t.customerId)
      .where(sql`${t.archived} = false`),
    index("conversations_inbox_idx").on(t.companyId, t.status, t.lastActivityAt, t.id),
    // Reports count closes per period (the last close of each conversation).
    index("conversations_company_closed_idx").on(t.companyId, t.closedAt).where(sql`${t.closedAt} is not null`),
    index("conversations_activity_idx").on(t.companyId, t.lastActivityAt, t.id).where(sql`${t.archived} = false`),
    // The Unanswered and Unread filters, kept small: only the rows they can match.
    index("conversations_unanswered_idx")
      .on(t.companyId, t.status, t.lastActivityAt, t.id)
      .where(sql`(${t.lastInboundAt} is not null and (${t.lastOutboundAt} is null or ${t.lastOutboundAt} < ${t.lastInboundAt}))`),
    index("conversations_unread_idx")
      .on(t.companyId, t.status, t.lastActivityAt, t.id)
      .where(sql`(${t.lastInboundAt} is not null and (${t.assigneeReadAt} is null or ${t.assigneeReadAt} < ${t.lastInboundAt}))`),
    index("conversations_inbox_user_idx").on(
      t.companyId,
      t.assigneeUserId,
      t.status,
      t.lastActivityAt,
      t.id,
    ),
    index("conversations_inbox_team_idx").on(
      t.companyId,
      t.assigneeTeamId,
      t.status,
      t.lastActivityAt,
      t.id,
    ),
  ],
);

/** Per-user read marks; the assignee's is mirrored on the conversation. */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    companyId: uuid().notNull(),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);

export const assignmentEvents = pgTable(
  "assignment_events",
  {
    id: id(),
    companyId: companyRef(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    toUserId: uuid(),
    toTeamId: uuid(),
    fromUserId: uuid(),
    fromTeamId: uuid(),
    /** null when the system assigned it (default rule, away delegation). */
    byUserId: uuid(),
    reason: text().$type<"manual" | "bulk" | "default_rule" | "away_delegate" | "automation" | "integration" | "team_deleted" | "member_deactivated">(),
    createdAt: createdAt(),
  },
  (t) => [index("assignment_events_conversation_idx").on(t.conversationId, t.createdAt)],
);
