import {
  index,
  jsonb,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { customers } from "./customers";

export type Mentions = { userIds: string[]; teamIds: string[] };

export const notes = pgTable(
  "notes",
  {
    id: id(),
    companyId: companyRef(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** null for a note on the customer profile. */
    conversationId: uuid(),
    automationResultId: uuid(),
    campaignRecipientId: uuid(),
    authorUserId: uuid(),
    body: text().notNull(),
    mentions: jsonb().$type<Mentions>().notNull().default({ userIds: [], teamIds: [] }),
    replyToNoteId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    index("notes_conversation_idx").on(t.conversationId, t.createdAt),
    index("notes_customer_idx").on(t.customerId, t.createdAt),
  ],
);
