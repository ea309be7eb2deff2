import { z } from "zod";
import type { AutomationResultRow } from "@/db/queries/automation-results";
import { customerName } from "@/lib/customers/display";
import { formatPhone } from "@/lib/phone";

/**
 * One results-page row as the browser receives it (dates as ISO strings, the phone formatted): the customer and
 * their conversation, the status with its reason or carrier error, the reply and what it led to.
 */
export const resultRowSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  conversationId: z.string().nullable(),
  status: z.enum(["pending", "sent", "skipped", "failed"]),
  skipReason: z.string().nullable(),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
  replyBody: z.string().nullable(),
  repliedAt: z.string().nullable(),
  matchedResponseId: z.string().nullable(),
  classification: z.string().nullable(),
  replySummary: z.string().nullable(),
  sentiment: z.enum(["positive", "negative", "neutral"]).nullable(),
  score: z.number().nullable(),
  appointmentId: z.string().nullable(),
  appointmentStartAt: z.string().nullable(),
  appointmentStatus: z.string().nullable(),
  createdAt: z.string(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const resultNoteRowSchema = z.object({
  id: z.string(),
  resultId: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type ResultNoteRow = z.infer<typeof resultNoteRowSchema>;

const iso = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null);

export function toResultRow(row: AutomationResultRow): ResultRow {
  return {
    id: row.id,
    customerId: row.customerId,
    customerName: customerName({ firstName: row.firstName ?? "", lastName: row.lastName ?? "", mobile: row.mobile }),
    mobile: row.mobile ? formatPhone(row.mobile) : null,
    conversationId: row.conversationId,
    status: row.status,
    skipReason: row.skipReason,
    error: row.error,
    sentAt: iso(row.sentAt),
    replyBody: row.replyBody,
    repliedAt: iso(row.repliedAt),
    matchedResponseId: row.matchedResponseId,
    classification: row.classification,
    replySummary: row.replySummary,
    sentiment: row.sentiment,
    score: row.score,
    appointmentId: row.appointmentId,
    appointmentStartAt: iso(row.appointmentStartAt),
    appointmentStatus: row.appointmentStatus,
    createdAt: iso(row.createdAt)!,
  };
}

export function toResultNoteRow(note: { id: string; resultId: string | null; body: string; authorName: string | null; createdAt: Date }): ResultNoteRow {
  return { id: note.id, resultId: note.resultId ?? "", body: note.body, authorName: note.authorName, createdAt: note.createdAt.toISOString() };
}
