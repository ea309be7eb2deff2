import { boolean, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { conversations } from "./conversations";
import { users } from "./users";

export type ConversationExportStatus = "pending" | "running" | "ready" | "failed";

/**
 * A conversation exported to PDF (CONV-14). The row is the job: the runner claims it,
 * builds the file, mails it and marks it ready, so a second run finds it done.
 */
export const conversationExports = pgTable(
  "conversation_exports",
  {
    id: id(),
    companyId: companyRef(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    requestedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The messages exported: created in [from, to); null: from the start / up to now. */
    from: at(),
    to: at(),
    includeNotes: boolean().notNull().default(false),
    status: text().$type<ConversationExportStatus>().notNull().default("pending"),
    /** An i18n key when failed. */
    error: text(),
    pageCount: integer(),
    byteSize: integer(),
    /** Where a large PDF is kept for its download link; null when it went as an attachment. */
    storageKey: text(),
    createdAt: createdAt(),
    /** Set while a runner builds it; a claim older than a few minutes is taken over. */
    claimedAt: at(),
    finishedAt: at(),
  },
  (t) => [
    index("conversation_exports_conversation_idx").on(t.companyId, t.conversationId, t.createdAt),
    index("conversation_exports_active_idx").on(t.status, t.createdAt),
  ],
);
