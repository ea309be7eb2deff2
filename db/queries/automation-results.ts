import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appointments,
  automationResults,
  conversations,
  customers,
  messages,
  type AutomationResultStatus,
} from "@/db/schema";

export type AutomationResultCursor = { createdAt: string; id: string };

export type AutomationResultRow = Awaited<ReturnType<typeof listAutomationResults>>["rows"][number];

/**
 * One page of an automation's results, newest first, keyset-paginated on (created_at, id):
 * the customer (name, mobile, active conversation), the status with its skip reason or
 * carrier error, the reply, its sentiment and score, and the appointment it is about.
 */
export async function listAutomationResults(
  db: Db,
  {
    companyId,
    automationId,
    cursor,
    limit = 50,
    status,
    resultId,
  }: {
    companyId: string;
    automationId: string;
    cursor?: AutomationResultCursor | null;
    limit?: number;
    status?: AutomationResultStatus | null;
    /** Just this result (a link to it from a notification or a thread). */
    resultId?: string | null;
  },
) {
  const conditions: SQL[] = [eq(automationResults.companyId, companyId), eq(automationResults.automationId, automationId)];
  if (status) conditions.push(eq(automationResults.status, status));
  if (resultId) conditions.push(eq(automationResults.id, resultId));
  if (cursor) {
    conditions.push(
      sql`(${automationResults.createdAt}, ${automationResults.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: automationResults.id,
      automationId: automationResults.automationId,
      customerId: automationResults.customerId,
      firstName: customers.firstName,
      lastName: customers.lastName,
      mobile: customers.mobile,
      conversationId: conversations.id,
      status: automationResults.status,
      skipReason: automationResults.skipReason,
      error: automationResults.error,
      messageId: automationResults.messageId,
      sentAt: automationResults.sentAt,
      replyMessageId: automationResults.replyMessageId,
      replyBody: messages.body,
      repliedAt: automationResults.repliedAt,
      matchedResponseId: automationResults.matchedResponseId,
      classification: automationResults.classification,
      replySummary: automationResults.replySummary,
      sentiment: automationResults.sentiment,
      score: automationResults.score,
      appointmentId: automationResults.appointmentId,
      appointmentStartAt: appointments.startAt,
      /** The status the reply led to, else the appointment's current status. */
      appointmentStatus: sql<string | null>`coalesce(${automationResults.appointmentStatus}, ${appointments.status})`,
      eventId: automationResults.eventId,
      createdAt: automationResults.createdAt,
    })
    .from(automationResults)
    .innerJoin(customers, eq(customers.id, automationResults.customerId))
    .leftJoin(
      conversations,
      and(eq(conversations.customerId, automationResults.customerId), eq(conversations.archived, false)),
    )
    .leftJoin(
      messages,
      and(eq(messages.id, automationResults.replyMessageId), eq(messages.companyId, automationResults.companyId)),
    )
    .leftJoin(
      appointments,
      and(eq(appointments.id, automationResults.appointmentId), eq(appointments.companyId, automationResults.companyId)),
    )
    .where(and(...conditions))
    .orderBy(desc(automationResults.createdAt), desc(automationResults.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  };
}

export type AutomationTotals = {
  /** Every result row (each a customer × trigger). */
  total: number;
  pending: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Sent results the customer answered. */
  replied: number;
  /** Replies that confirmed their appointment. */
  confirmed: number;
  cancelled: number;
  negative: number;
  positive: number;
  /** Average of the scores read from replies, null without any. */
  averageScore: number | null;
};

/** The results page's totals, in one aggregate over the automation's results. */
export async function automationTotals(
  db: Db,
  { companyId, automationId }: { companyId: string; automationId: string },
): Promise<AutomationTotals> {
  const r = automationResults;
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      pending: sql<number>`(count(*) filter (where ${r.status} = 'pending'))::int`,
      sent: sql<number>`(count(*) filter (where ${r.status} = 'sent'))::int`,
      skipped: sql<number>`(count(*) filter (where ${r.status} = 'skipped'))::int`,
      failed: sql<number>`(count(*) filter (where ${r.status} = 'failed'))::int`,
      replied: sql<number>`(count(*) filter (where ${r.repliedAt} is not null))::int`,
      confirmed: sql<number>`(count(*) filter (where ${r.appointmentStatus} = 'confirmed'))::int`,
      cancelled: sql<number>`(count(*) filter (where ${r.appointmentStatus} = 'cancelled'))::int`,
      negative: sql<number>`(count(*) filter (where ${r.sentiment} = 'negative'))::int`,
      positive: sql<number>`(count(*) filter (where ${r.sentiment} = 'positive'))::int`,
      averageScore: sql<string | null>`avg(${r.score})`,
    })
    .from(r)
    .where(and(eq(r.companyId, companyId), eq(r.automationId, automationId)));
  return {
    total: Number(row?.total ?? 0),
    pending: Number(row?.pending ?? 0),
    sent: Number(row?.sent ?? 0),
    skipped: Number(row?.skipped ?? 0),
    failed: Number(row?.failed ?? 0),
    replied: Number(row?.replied ?? 0),
    confirmed: Number(row?.confirmed ?? 0),
    cancelled: Number(row?.cancelled ?? 0),
    negative: Number(row?.negative ?? 0),
    positive: Number(row?.positive ?? 0),
    averageScore: row?.averageScore == null ? null : Math.round(Number(row.averageScore) * 10) / 10,
  };
}

/** One result of the company (a thread's link, a note on a result). */
export async function findAutomationResult(db: Db, { companyId, resultId }: { companyId: string; resultId: string }) {
  const [row] = await db
    .select()
    .from(automationResults)
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.id, resultId)))
    .limit(1);
  return row;
}
