import {
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./_columns";
import { companyRef } from "./companies";

export type FileOwner = "message" | "note" | "event";

export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid(),
    messageId: uuid(),
    noteId: uuid(),
    eventId: uuid(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    storageKey: text().notNull(),
    /** Unguessable token of the public link sent to customers. */
    publicToken: text().notNull(),
    uploadedByUserId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("attachments_token_idx").on(t.publicToken),
    index("attachments_message_idx").on(t.messageId),
    index("attachments_note_idx").on(t.noteId),
    index("attachments_customer_idx").on(t.customerId, t.createdAt),
  ],
);
