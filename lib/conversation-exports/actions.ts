"use server";

import { findConversation } from "@/db/queries/conversations";
import { findLatestConversationExport, insertConversationExport } from "@/db/queries/conversation-exports";
import { findCompany } from "@/db/queries/companies";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { dayRange } from "@/lib/time";
import { afterExportRequested } from "./queue";
import { exportProgressSchema, exportStatusSchema, requestExportSchema } from "./validation";

/** CONV-14: stores the export request (a row first), then builds it in the background; the PDF is emailed to the requester. */
export const requestConversationExport = defineAction(
  { input: requestExportSchema, output: exportProgressSchema, permission: "exportConversations" },
  async ({ conversationId, scope, from, to, includeNotes }, { db, companyId, userId }) => {
    const [conversation, company] = await Promise.all([findConversation(db, { companyId, conversationId }), findCompany(db, { companyId })]);
    if (!conversation || !company) throw new NotFoundError();
    const range = scope === "range" ? { from: dayRange(from!, company.timezone).start, to: dayRange(to!, company.timezone).end } : { from: null, to: null };
    const row = await insertConversationExport(db, { companyId, conversationId, requestedByUserId: userId, ...range, includeNotes });
    publish(companyId, { type: "conversation_export.updated", exportId: row.id, conversationId, userId, status: row.status, pageCount: null });
    await afterExportRequested(row.id);
    return row;
  },
);

/** Where the user's latest export of this conversation stands (the dialog, after a reload or a missed live event). */
export const conversationExportProgress = defineAction(
  { input: exportStatusSchema, output: exportProgressSchema.nullable(), permission: "exportConversations" },
  async ({ conversationId }, { db, companyId, userId }) => (await findLatestConversationExport(db, { companyId, conversationId, userId })) ?? null,
);
