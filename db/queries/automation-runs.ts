import "server-only";
import { and, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import {
  appointments,
  automationResults,
  automationRuns,
  automations,
  companies,
  customerEvents,
  customers,
  messages,
  type AutomationSkipReason,
  type ReplyClassification,
  type TriggerScope,
} from "@/db/schema";
import { outcomeColumns, type SendOutcome } from "./send-outcome";

/** Active automations with their company's time zone: the sweep decides which are due. */
export async function listActiveAutomations(db: Db, { limit = 1000 }: { limit?: number } = {}) {
  return db
    .select({
      id: automations.id,
      companyId: automations.companyId,
      schedule: automations.schedule,
      dailyAt: automations.dailyAt,
      realtimeEveryMinutes: automations.realtimeEveryMinutes,
      lastRunAt: automations.lastRunAt,
      timeZone: companies.timezone,
    })
    .from(automations)
    .innerJoin(companies, eq(companies.id, automations.companyId))
    .where(eq(automations.status, "active"))
    .orderBy(sql`${automations.lastRunAt} nulls first`)
    .limit(limit);
}

/**
 * Claims a run: only one caller moves lastRunAt past `dueSince`, so two sweeps (or a
 * retry) at the same moment start the automation once. Returns the automation, or null.
 */
export async function claimAutomationRun(db: Db, { companyId, automationId, dueSince, now }: { companyId: string; automationId: string; dueSince: Date; now: Date }) {
  const [row] = await db
    .update(automations)
    .set({ lastRunAt: now })
    .where(
      and(
        eq(automations.companyId, companyId),
        eq(automations.id, automationId),
        eq(automations.status, "active"),
        or(isNull(automations.lastRunAt), lt(automations.lastRunAt, dueSince)),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findAutomationForRun(db: Db, { companyId, automationId }: { companyId: string; automationId: string }) {
  const [row] = await db
    .select()
    .from(automations)
    .where(and(eq(automations.companyId, companyId), eq(automations.id, automationId)))
    .limit(1);
  return row;
}

export async function insertAutomationRun(db: Db, { companyId, automationId, now }: { companyId: string; automationId: string; now: Date }) {
  const [row] = await db.insert(automationRuns).values({ companyId, automationId, startedAt: now }).returning();
  return row!;
}

export async function finishAutomationRun(
  db: Db,
  { companyId, runId, status, matchedCount, sentCount, errorCount, now }: { companyId: string; runId: string; status: "completed" | "failed"; matchedCount: number; sentCount: number; errorCount: number; now: Date },
) {
  await db
    .update(automationRuns)
    .set({ status, matchedCount, sentCount, errorCount, finishedAt: now })
    .where(and(eq(automationRuns.companyId, companyId), eq(automationRuns.id, runId)));
}

/**
 * The trigger key of an audience row (AUTO-7): an appointment with its start time (a
 * rescheduled appointment is a new trigger), an event, the customer once, or the customer
 * again on `dayKey` when no result of this automation is younger than `repeatAfterDays`.
 */
function triggerKeyOf(scope: TriggerScope, dayKey: string): SQL {
  switch (scope) {
    case "appointment":
      return sql`'appointment:' || audience.appointment_id::text || '@' || floor(extract(epoch from audience.subject_at))::bigint::text`;
    case "event":
      return sql`'event:' || audience.event_id::text`;
    case "customer_repeat":
      return sql`${`repeat:${dayKey}`}::text`;
    default:
      return sql`'customer'`;
  }
}

/**
 * One statement: every audience row becomes a pending result, unless this automation
 * already has one for the same customer and trigger (the unique key). Two runs at once,
 * a retry or a restart therefore never create a second result — nor a second text.
 */
export async function insertRunResults(
  db: Db,
  {
    companyId,
    automationId,
    runId,
    audience,
    triggerScope,
    repeatAfterDays,
    dayKey,
    now,
  }: { companyId: string; automationId: string; runId: string; audience: SQL; triggerScope: TriggerScope; repeatAfterDays: number | null; dayKey: string; now: Date },
) {
  const key = triggerKeyOf(triggerScope, dayKey);
  const scopeFilter =
    triggerScope === "appointment"
      ? sql`audience.appointment_id is not null and audience.subject_at is not null`
      : triggerScope === "event"
        ? sql`audience.event_id is not null`
        : sql`true`;
  const repeatFilter =
    triggerScope === "customer_repeat"
      ? sql`not exists (select 1 from automation_results earlier
            where earlier.automation_id = ${automationId} and earlier.customer_id = audience.customer_id
              and earlier.created_at > ${now}::timestamptz - make_interval(days => ${Math.max(1, repeatAfterDays ?? 1)}::int))`
      : sql`true`;
  const rows = await queryRows<{ count: number }>(
    db,
    sql`with inserted as (
          insert into automation_results (company_id, automation_id, run_id, customer_id, trigger_key, appointment_id, event_id, created_at, updated_at)
          select ${companyId}::uuid, ${automationId}::uuid, ${runId}::uuid, audience.customer_id, ${key},
                 audience.appointment_id, audience.event_id, ${now}::timestamptz, ${now}::timestamptz
          from (${audience}) audience
          where ${scopeFilter} and ${repeatFilter}
          on conflict (automation_id, customer_id, trigger_key) do nothing
          returning 1
        )
        select count(*)::int as count from inserted`,
  );
  return Number(rows[0]?.count ?? 0);
}

export type ClaimedResult = {
  id: string;
  companyId: string;
  automationId: string;
  customerId: string;
  appointmentId: string | null;
  eventId: string | null;
};

/**
 * Takes up to `limit` pending results of an automation that no live worker holds, oldest
 * first; a claim older than `staleBefore` (a worker that died) is taken again.
 */
export async function claimPendingResults(
  db: Db,
  { companyId, automationId, limit, now, staleBefore }: { companyId: string; automationId: string; limit: number; now: Date; staleBefore: Date },
): Promise<ClaimedResult[]> {
  const rows = await queryRows<{ id: string; company_id: string; automation_id: string; customer_id: string; appointment_id: string | null; event_id: string | null }>(
    db,
    sql`update automation_results set claimed_at = ${now}::timestamptz
        where id in (
          select id from automation_results
          where company_id = ${companyId} and automation_id = ${automationId} and status = 'pending'
            and (claimed_at is null or claimed_at < ${staleBefore}::timestamptz)
          order by created_at, id
          limit ${limit}
          for update skip locked
        )
        and status = 'pending'
        returning id, company_id, automation_id, customer_id, appointment_id, event_id`,
  );
  return rows.map((row) => ({
    id: row.id,
    companyId: row.company_id,
    automationId: row.automation_id,
    customerId: row.customer_id,
    appointmentId: row.appointment_id,
    eventId: row.event_id,
  }));
}

export type ResultOutcome = SendOutcome<AutomationSkipReason>;

/** pending → sent / skipped / failed, once: a second settle of the same result does nothing. */
export async function settleResult(db: Db, { companyId, resultId, outcome, now }: { companyId: string; resultId: string; outcome: ResultOutcome; now: Date }) {
  const [row] = await db
    .update(automationResults)
    .set({ ...outcomeColumns(outcome), claimedAt: null, updatedAt: now })
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.id, resultId), eq(automationResults.status, "pending")))
    .returning();
  return row;
}

/** Gives a claimed result back (an unexpected error): the sweep sends it later. */
export async function releaseResultClaim(db: Db, { companyId, resultId }: { companyId: string; resultId: string }) {
  await db
    .update(automationResults)
    .set({ claimedAt: null })
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.id, resultId), eq(automationResults.status, "pending")));
}

/** The message already sent for a result (a worker died between the send and the settle). */
export async function findResultMessage(db: Db, { companyId, resultId, kind }: { companyId: string; resultId: string; kind: "automation" | "keyword_reply" }) {
  const [row] = await db
    .select({ id: messages.id, status: messages.status, errorCode: messages.errorCode, errorText: messages.errorText, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.sourceKind, kind), eq(messages.sourceId, resultId)))
    .limit(1);
  return row;
}

/** Automations with pending results nobody is sending (a run that stopped half-way). */
export async function listAutomationsWithPendingResults(db: Db, { staleBefore, limit = 100 }: { staleBefore: Date; limit?: number }) {
  return queryRows<{ company_id: string; automation_id: string }>(
    db,
    sql`select distinct company_id, automation_id from automation_results
        where status = 'pending' and (claimed_at is null or claimed_at < ${staleBefore}::timestamptz)
        limit ${limit}`,
  );
}

// ——— Replies ———

/**
 * The result a customer's message answers: the latest automation text sent to them
 * before it, if the message came within that automation's reply window.
 */
export async function findReplyTarget(db: Db, { companyId, customerId, at }: { companyId: string; customerId: string; at: Date }) {
  const [row] = await db
    .select({ result: automationResults, automation: automations })
    .from(automationResults)
    .innerJoin(automations, eq(automations.id, automationResults.automationId))
    .where(
      and(
        eq(automationResults.companyId, companyId),
        eq(automationResults.customerId, customerId),
        eq(automationResults.status, "sent"),
        sql`${automationResults.sentAt} <= ${at}::timestamptz`,
        sql`${automationResults.sentAt} > ${at}::timestamptz - make_interval(days => ${automations.replyWindowDays})`,
      ),
    )
    .orderBy(sql`${automationResults.sentAt} desc`)
    .limit(1);
  return row;
}

export async function findResultWithAutomation(db: Db, { companyId, resultId }: { companyId: string; resultId: string }) {
  const [row] = await db
    .select({ result: automationResults, automation: automations })
    .from(automationResults)
    .innerJoin(automations, eq(automations.id, automationResults.automationId))
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.id, resultId)))
    .limit(1);
  return row;
}

/** Records the reply on its result, once: the first message after the text is the reply. */
export async function claimReply(db: Db, { companyId, resultId, messageId, at, now }: { companyId: string; resultId: string; messageId: string; at: Date; now: Date }) {
  const [row] = await db
    .update(automationResults)
    .set({ replyMessageId: messageId, repliedAt: at, claimedAt: now, updatedAt: now })
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.id, resultId), isNull(automationResults.replyMessageId)))
    .returning();
  return row;
}

/** Takes a reply whose handling a dead worker left unfinished (claim older than `staleBefore`). */
export async function reclaimReply(db: Db, { companyId, resultId, now, staleBefore }: { companyId: string; resultId: string; now: Date; staleBefore: Date }) {
  const [row] = await db
    .update(automationResults)
    .set({ claimedAt: now })
    .where(
      and(
        eq(automationResults.companyId, companyId),
        eq(automationResults.id, resultId),
        sql`${automationResults.replyMessageId} is not null`,
        isNull(automationResults.replyHandledAt),
        or(isNull(automationResults.claimedAt), lt(automationResults.claimedAt, staleBefore)),
      ),
    )
    .returning();
  return row;
}

export type ReplyOutcome = {
  matchedResponseId?: string | null;
  classification?: ReplyClassification | null;
  replySummary?: string | null;
  sentiment?: "positive" | "negative" | "neutral" | null;
  score?: number | null;
  appointmentStatus?: string | null;
};

export async function setReplyOutcome(db: Db, { companyId, resultId, outcome, now }: { companyId: string; resultId: string; outcome: ReplyOutcome; now: Date }) {
  await db
    .update(automationResults)
    .set({ ...outcome, updatedAt: now })
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.id, resultId)));
}

export async function markReplyHandled(db: Db, { companyId, resultId, now }: { companyId: string; resultId: string; now: Date }) {
  await db
    .update(automationResults)
    .set({ replyHandledAt: now, claimedAt: null, updatedAt: now })
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.id, resultId)));
}

/**
 * The sweep's backstop: replies that came in but were never attributed (the in-process
 * call or the event was lost), and attributed replies whose handling never finished.
 * Each row: the result and the customer's first inbound message after its text.
 */
export async function listRepliesToHandle(db: Db, { since, staleBefore, limit = 200 }: { since: Date; staleBefore: Date; limit?: number }) {
  return queryRows<{ company_id: string; result_id: string; message_id: string }>(
    db,
    sql`(select r.company_id, r.id as result_id, m.id as message_id
         from automation_results r
         join automations a on a.id = r.automation_id
         cross join lateral (
           select m.id, m.created_at from messages m
           where m.company_id = r.company_id and m.customer_id = r.customer_id and m.direction = 'inbound'
             and m.created_at >= r.sent_at and m.created_at <= r.sent_at + make_interval(days => a.reply_window_days)
           order by m.created_at, m.id limit 1
         ) m
         where r.status = 'sent' and r.reply_message_id is null and r.sent_at > ${since}::timestamptz
           and not exists (
             select 1 from automation_results later
             where later.company_id = r.company_id and later.customer_id = r.customer_id and later.status = 'sent'
               and later.sent_at > r.sent_at and later.sent_at <= m.created_at
           )
         limit ${limit})
        union all
        (select r.company_id, r.id as result_id, r.reply_message_id as message_id
         from automation_results r
         where r.reply_message_id is not null and r.reply_handled_at is null
           and (r.claimed_at is null or r.claimed_at < ${staleBefore}::timestamptz)
         limit ${limit})`,
  );
}

// ——— Subjects and recipients ———

/** The appointments and events a batch of results is about (their template values). */
export async function findResultSubjects(db: Db, { companyId, appointmentIds, eventIds }: { companyId: string; appointmentIds: string[]; eventIds: string[] }) {
  const [appointmentRows, eventRows] = await Promise.all([
    appointmentIds.length
      ? db.select().from(appointments).where(and(eq(appointments.companyId, companyId), inArray(appointments.id, appointmentIds)))
      : Promise.resolve([]),
    eventIds.length
      ? db.select().from(customerEvents).where(and(eq(customerEvents.companyId, companyId), inArray(customerEvents.id, eventIds)))
      : Promise.resolve([]),
  ]);
  return { appointments: new Map(appointmentRows.map((row) => [row.id, row])), events: new Map(eventRows.map((row) => [row.id, row])) };
}

export async function findCustomersByIds(db: Db, { companyId, customerIds }: { companyId: string; customerIds: string[] }) {
  if (customerIds.length === 0) return new Map<string, typeof customers.$inferSelect>();
  const rows = await db.select().from(customers).where(and(eq(customers.companyId, companyId), inArray(customers.id, customerIds)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** This automation's results for these customers (the dry run's "already texted"). */
export async function listCustomerResults(db: Db, { companyId, automationId, customerIds }: { companyId: string; automationId: string; customerIds: string[] }) {
  if (customerIds.length === 0) return [];
  const rows = await db
    .select({ customerId: automationResults.customerId, triggerKey: automationResults.triggerKey, createdAt: automationResults.createdAt })
    .from(automationResults)
    .where(and(eq(automationResults.companyId, companyId), eq(automationResults.automationId, automationId), inArray(automationResults.customerId, customerIds)));
  return rows;
}

/**
 * Of these customers, the ones an automation or a campaign texted after `since`: only
 * their inbound messages can answer one. One statement for a group of inbound messages,
 * the cheap test before each message's full reply check.
 */
export async function customersTextedSince(db: Db, { customers, since }: { customers: { companyId: string; customerId: string }[]; since: Date }): Promise<Set<string>> {
  if (!customers.length) return new Set();
  const values = sql.join(
    customers.map((customer) => sql`(${customer.companyId}::uuid, ${customer.customerId}::uuid)`),
    sql`, `,
  );
  const rows = await queryRows<{ customer_id: string }>(db, sql`
    select c.customer_id from (values ${values}) as c(company_id, customer_id)
    where exists (select 1 from automation_results r where r.company_id = c.company_id and r.customer_id = c.customer_id and r.sent_at > ${since.toISOString()}::timestamptz)
       or exists (select 1 from campaign_recipients r where r.company_id = c.company_id and r.customer_id = c.customer_id and r.sent_at > ${since.toISOString()}::timestamptz)`);
  return new Set(rows.map((row) => row.customer_id));
}
