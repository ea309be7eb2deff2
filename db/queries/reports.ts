import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { BusinessHoursDay } from "@/db/schema";

/** One company and a half-open period [from, to). */
export type ReportScope = { companyId: string; from: Date; to: Date };

/** How waits are timed: with business hours, only the open hours (company time zone) between question and answer count. */
export type ResponseClock = { timeZone: string; businessHours: BusinessHoursDay[] | null };

export type ReportIndicators = {
  conversationsOpened: number;
  conversationsClosed: number;
  messagesIn: number;
  messagesOut: number;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  unansweredConversations: number;
  appointmentsConfirmed: number;
  appointmentsCancelled: number;
  appointmentsNoShow: number;
  /** No-shows among the period's appointments that were not cancelled (0–1). */
  noShowRate: number | null;
  automationSent: number;
  automationReplied: number;
  automationConfirmed: number;
  campaignSent: number;
  campaignReplied: number;
  campaignOptedOut: number;
  paymentsCount: number;
  paymentsTotalCents: number;
  reviewsCount: number;
  reviewsAverage: number | null;
  /** Reviews rated 1, 2, 3, 4 and 5 stars. */
  reviewsDistribution: [number, number, number, number, number];
  optOuts: number;
};

/**
 * A report is one statement costed high (a lookup per wait), which makes PostgreSQL compile
 * it with JIT: on the bench company that took longer (1.8 s) than running it (0.9 s).
 */
async function reportRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<T>(tx, query);
  });
}

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Every time a customer started waiting in the period: an inbound text with no earlier
 * inbound since staff last wrote (automated texts do not answer anyone), with the first
 * staff reply after it, whenever it came.
 */
function waitsCte({ companyId, from, to }: ReportScope, clock: ResponseClock): SQL {
  return sql`${openHoursCte(clock)}, asked as (
    select x.conversation_id, x.created_at as asked_at, r.created_at as answered_at, r.sender_user_id as responder_id
    from (
      select m.id, m.conversation_id, m.created_at, m.direction,
             lag(m.direction) over (partition by m.conversation_id order by m.created_at, m.id) as previous_direction
      from messages m
      where m.company_id = ${companyId} and m.created_at >= ${ts(from)} and m.created_at < ${ts(to)}
        and (m.direction = 'inbound' or m.sender_user_id is not null)
    ) x
    left join lateral (
      select r.created_at, r.sender_user_id from messages r
      where r.conversation_id = x.conversation_id and r.created_at > x.created_at
        and r.direction = 'outbound' and r.sender_user_id is not null
      order by r.created_at, r.id
      limit 1
    ) r on true
    where x.direction = 'inbound'
      and coalesce(x.previous_direction, (
        select p.direction from messages p
        where p.conversation_id = x.conversation_id and p.created_at < ${ts(from)}
          and (p.direction = 'inbound' or p.sender_user_id is not null)
        order by p.created_at desc, p.id desc
        limit 1
      ), 'outbound') = 'outbound'
  ),
  waits as (
    select a.*, ${delaySeconds(clock)} as delay_seconds from asked a
  )`;
}

/** The company's open hours as rows (ISO weekday, open, close); none when hours are not set. */
function openHoursCte({ businessHours }: ResponseClock): SQL {
  return sql`open_hours as (
    select (e->>'day')::int as day, (e->>'open')::time as opens, (e->>'close')::time as closes
    from jsonb_array_elements(${JSON.stringify(businessHours ?? [])}::jsonb) e
  )`;
}

/**
 * Seconds from question to answer (null if unanswered). With business hours: the sum,
 * over each local day the wait spans, of its overlap with that weekday's open hours.
 */
function delaySeconds({ timeZone, businessHours }: ResponseClock): SQL {
  if (!businessHours) return sql`extract(epoch from (a.answered_at - a.asked_at))::float8`;
  return sql`case when a.answered_at is not null then (
    select coalesce(sum(greatest(0, extract(epoch from
             least(a.answered_at, (d.day::date + h.closes) at time zone ${timeZone})
             - greatest(a.asked_at, (d.day::date + h.opens) at time zone ${timeZone})))), 0)::float8
    from generate_series((a.asked_at at time zone ${timeZone})::date, (a.answered_at at time zone ${timeZone})::date, interval '1 day') d(day)
    join open_hours h on h.day = extract(isodow from d.day)::int
  ) end`;
}

const delay = sql`w.delay_seconds`;

type IndicatorRow = Omit<ReportIndicators, "reviewsDistribution" | "noShowRate"> & {
  appointmentsCounted: number;
  reviews1: number;
  reviews2: number;
  reviews3: number;
  reviews4: number;
  reviews5: number;
};

/**
 * The period's figures for one company, each an aggregate over an indexed range (no row
 * is loaded): what the dashboard shows and the weekly email compares.
 */
export async function reportIndicators(db: Db, scope: ReportScope & ResponseClock & { unansweredAfterHours: number; now?: Date }): Promise<ReportIndicators> {
  const { companyId, from, to, unansweredAfterHours, now = new Date() } = scope;
  const inRange = (column: SQL) => sql`${column} >= ${ts(from)} and ${column} < ${ts(to)}`;
  const [row] = await reportRows<IndicatorRow>(
    db,
    sql`with ${waitsCte(scope, scope)},
    period_messages as (
      select count(*) filter (where direction = 'inbound')::int as messages_in,
             count(*) filter (where direction = 'outbound')::int as messages_out
      from messages where company_id = ${companyId} and ${inRange(sql`created_at`)}
    ),
    opened as (
      select count(*)::int as n from (
        select conversation_id from messages
        where company_id = ${companyId} and ${inRange(sql`created_at`)}
        group by conversation_id
      ) f
      where not exists (select 1 from messages p where p.conversation_id = f.conversation_id and p.created_at < ${ts(from)})
    ),
    response as (
      select percentile_cont(0.5) within group (order by ${delay}) filter (where w.answered_at is not null) as median,
             percentile_cont(0.9) within group (order by ${delay}) filter (where w.answered_at is not null) as p90,
             count(distinct w.conversation_id) filter (
               where coalesce(w.answered_at, ${ts(now)}) - w.asked_at > make_interval(hours => ${unansweredAfterHours}::int)
             )::int as unanswered
      from waits w
    ),
    appointment_counts as (
      select count(*) filter (where status = 'confirmed')::int as confirmed,
             count(*) filter (where status = 'cancelled')::int as cancelled,
             count(*) filter (where status = 'no_show')::int as no_show,
             count(*) filter (where status <> 'cancelled')::int as counted
      from appointments where company_id = ${companyId} and ${inRange(sql`start_at`)}
    ),
    automation_counts as (
      select count(*)::int as sent, count(replied_at)::int as replied,
             count(*) filter (where appointment_status = 'confirmed')::int as confirmed
      from automation_results where company_id = ${companyId} and ${inRange(sql`sent_at`)}
    ),
    campaign_counts as (
      select count(*)::int as sent, count(replied_at)::int as replied, count(opted_out_at)::int as opted_out
      from campaign_recipients where company_id = ${companyId} and ${inRange(sql`sent_at`)}
    ),
    payment_counts as (
      select count(*)::int as n, coalesce(sum(amount_cents), 0)::float8 as total
      from payment_requests where company_id = ${companyId} and status = 'paid' and ${inRange(sql`paid_at`)}
    ),
    review_counts as (
      select count(rating)::int as n, avg(rating)::float8 as average,
             count(*) filter (where rating = 1)::int as r1, count(*) filter (where rating = 2)::int as r2,
             count(*) filter (where rating = 3)::int as r3, count(*) filter (where rating = 4)::int as r4,
             count(*) filter (where rating = 5)::int as r5
      from reviews where company_id = ${companyId} and ${inRange(sql`submitted_at`)}
    )
    select
      (select n from opened) as "conversationsOpened",
      (select count(*)::int from conversations where company_id = ${companyId} and ${inRange(sql`closed_at`)}) as "conversationsClosed",
      pm.messages_in as "messagesIn", pm.messages_out as "messagesOut",
      rs.median::float8 as "firstResponseMedianSeconds", rs.p90::float8 as "firstResponseP90Seconds", rs.unanswered as "unansweredConversations",
      ap.confirmed as "appointmentsConfirmed", ap.cancelled as "appointmentsCancelled", ap.no_show as "appointmentsNoShow", ap.counted as "appointmentsCounted",
      au.sent as "automationSent", au.replied as "automationReplied", au.confirmed as "automationConfirmed",
      ca.sent as "campaignSent", ca.replied as "campaignReplied", ca.opted_out as "campaignOptedOut",
      pa.n as "paymentsCount", pa.total as "paymentsTotalCents",
      rv.n as "reviewsCount", rv.average as "reviewsAverage",
      rv.r1 as "reviews1", rv.r2 as "reviews2", rv.r3 as "reviews3", rv.r4 as "reviews4", rv.r5 as "reviews5",
      (select count(distinct customer_id)::int from consent_events where company_id = ${companyId} and kind = 'opt_out' and ${inRange(sql`created_at`)}) as "optOuts"
    from period_messages pm, response rs, appointment_counts ap, automation_counts au, campaign_counts ca, payment_counts pa, review_counts rv`,
  );
  const { appointmentsCounted, reviews1, reviews2, reviews3, reviews4, reviews5, ...figures } = row!;
  return {
    ...figures,
    noShowRate: appointmentsCounted ? figures.appointmentsNoShow / appointmentsCounted : null,
    reviewsDistribution: [reviews1, reviews2, reviews3, reviews4, reviews5],
  };
}

export type DailyMessages = { day: string; inbound: number; outbound: number };

/** Messages in and out per calendar day in the company's time zone; days without any are absent. */
export async function reportMessagesPerDay(db: Db, { companyId, from, to, timeZone }: ReportScope & { timeZone: string }): Promise<DailyMessages[]> {
  return reportRows<DailyMessages>(
    db,
    sql`select to_char((created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day,
               count(*) filter (where direction = 'inbound')::int as inbound,
               count(*) filter (where direction = 'outbound')::int as outbound
        from messages
        where company_id = ${companyId} and created_at >= ${ts(from)} and created_at < ${ts(to)}
        group by 1 order by 1`,
  );
}

export type StaffBreakdownRow = { id: string; name: string; messagesSent: number; conversationsClosed: number; firstResponseMedianSeconds: number | null };

/**
 * Per active member: texts they wrote, conversations closed while assigned to them, and
 * the median time they took to answer a waiting customer.
 */
export async function reportUserBreakdown(db: Db, scope: ReportScope & ResponseClock) {
  const { companyId, from, to } = scope;
  return reportRows<StaffBreakdownRow>(
    db,
    sql`with ${waitsCte(scope, scope)},
    sent as (
      select sender_user_id as user_id, count(*)::int as n from messages
      where company_id = ${companyId} and created_at >= ${ts(from)} and created_at < ${ts(to)} and direction = 'outbound' and sender_user_id is not null
      group by 1
    ),
    closed as (
      select assignee_user_id as user_id, count(*)::int as n from conversations
      where company_id = ${companyId} and closed_at >= ${ts(from)} and closed_at < ${ts(to)} and assignee_user_id is not null
      group by 1
    ),
    response as (
      select w.responder_id as user_id, percentile_cont(0.5) within group (order by ${delay})::float8 as median
      from waits w where w.answered_at is not null group by 1
    )
    select u.id, u.name, coalesce(s.n, 0) as "messagesSent", coalesce(c.n, 0) as "conversationsClosed", r.median as "firstResponseMedianSeconds"
    from memberships mb
    join users u on u.id = mb.user_id
    left join sent s on s.user_id = u.id
    left join closed c on c.user_id = u.id
    left join response r on r.user_id = u.id
    where mb.company_id = ${companyId} and mb.active
    order by coalesce(s.n, 0) desc, u.name, u.id`,
  );
}

/**
 * Per team: texts its members wrote, conversations closed while assigned to the team,
 * and the median time its members took to answer.
 */
export async function reportTeamBreakdown(db: Db, scope: ReportScope & ResponseClock) {
  const { companyId, from, to } = scope;
  return reportRows<StaffBreakdownRow>(
    db,
    sql`with ${waitsCte(scope, scope)},
    sent as (
      select tm.team_id, count(*)::int as n from messages m
      join team_members tm on tm.user_id = m.sender_user_id and tm.company_id = ${companyId}
      where m.company_id = ${companyId} and m.created_at >= ${ts(from)} and m.created_at < ${ts(to)} and m.direction = 'outbound'
      group by 1
    ),
    closed as (
      select assignee_team_id as team_id, count(*)::int as n from conversations
      where company_id = ${companyId} and closed_at >= ${ts(from)} and closed_at < ${ts(to)} and assignee_team_id is not null
      group by 1
    ),
    response as (
      select tm.team_id, percentile_cont(0.5) within group (order by ${delay})::float8 as median
      from waits w join team_members tm on tm.user_id = w.responder_id and tm.company_id = ${companyId}
      where w.answered_at is not null group by 1
    )
    select t.id, t.name, coalesce(s.n, 0) as "messagesSent", coalesce(c.n, 0) as "conversationsClosed", r.median as "firstResponseMedianSeconds"
    from teams t
    left join sent s on s.team_id = t.id
    left join closed c on c.team_id = t.id
    left join response r on r.team_id = t.id
    where t.company_id = ${companyId}
    order by t.name, t.id`,
  );
}
