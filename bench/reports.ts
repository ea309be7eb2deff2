/**
 * The reports dashboard on the benchmark company (bench/generate.ts: 100k conversations,
 * 1M messages over 90 days), topped up with what reports count: staff authors on the
 * outbound texts, closes, 100k appointments, 20k payments, 20k reviews, 50k automation
 * and 50k campaign texts, 5k opt-outs. Prints the time of last week's indicators
 * (`reportIndicators`, the weekly email's query) and of the whole dashboard (both
 * periods, messages per day, per user, per team), and the weekly indicators again with
 * business hours (first-response times over open hours only).
 *
 *   npm run bench:reports
 *
 * Uses (and recreates) the PostgreSQL database parley_bench_reports; BENCH_KEEP=1 reuses it.
 * Goal: weekly indicators < 2 s.
 */
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { BENCH_POSTGRES_SERVER, BENCH_SENDER, recreateDatabase } from "./config";
import { ms, timeIt } from "./stats";

const DATABASE = "parley_bench_reports";
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
process.env.DATABASE_URL = `${BENCH_POSTGRES_SERVER}/${DATABASE}`;

async function main() {
  if (process.env.BENCH_KEEP !== "1") {
    await recreateDatabase(DATABASE);
    const generate = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "bench/generate.ts"], { stdio: "inherit", env: process.env });
    if (generate.status !== 0) throw new Error("bench/generate.ts failed");
  }
  const { getDb, queryRows, closeDatabase } = await import("@/db/client");
  const { reportIndicators, reportMessagesPerDay, reportTeamBreakdown, reportUserBreakdown } = await import("@/db/queries/reports");
  const { resolveReportRange } = await import("@/lib/reports/range");
  try {
    const db = await getDb();
    const [company] = await queryRows<{ id: string; timezone: string; unanswered_after_hours: number }>(db, sql`select id, timezone, unanswered_after_hours from companies where sender_number = ${BENCH_SENDER}`);
    if (!company) throw new Error("No benchmark company.");
    const companyId = company.id;
    const [{ appointments } = { appointments: 0 }] = await queryRows<{ appointments: number }>(db, sql`select count(*)::int as appointments from appointments where company_id = ${companyId}`);
    if (!appointments) await topUp(db, companyId);

    const { current, previous } = resolveReportRange({ range: "last_week" }, company.timezone);
    const scope = { companyId, from: current.from, to: current.to, timeZone: company.timezone, businessHours: null };
    const [counts] = await queryRows<{ messages: number; week: number }>(
      db,
      sql`select (select count(*) from messages where company_id = ${companyId})::int as messages,
                 (select count(*) from messages where company_id = ${companyId} and created_at >= ${current.from.toISOString()}::timestamptz and created_at < ${current.to.toISOString()}::timestamptz)::int as week`,
    );
    console.log(`Reports on ${counts!.messages.toLocaleString("en")} messages (${counts!.week.toLocaleString("en")} last week, ${current.fromDay} – ${current.toDay}), ${RUNS} runs each\n`);
    const indicators = () => reportIndicators(db, { ...scope, unansweredAfterHours: company.unanswered_after_hours });
    console.log(JSON.stringify(await indicators()));
    console.log("\n                                      p50        p95");
    const weekly = await timeIt(RUNS, indicators);
    console.log(`  weekly indicators (one query)  ${ms(weekly.p50)} ${ms(weekly.p95)}`);
    const businessHours = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }));
    const open = await timeIt(RUNS, () => reportIndicators(db, { ...scope, businessHours, unansweredAfterHours: company.unanswered_after_hours }));
    console.log(`  same, business hours Mon–Fri   ${ms(open.p50)} ${ms(open.p95)}`);
    const dashboard = await timeIt(RUNS, () =>
      Promise.all([
        indicators(),
        reportIndicators(db, { ...scope, from: previous.from, to: previous.to, unansweredAfterHours: company.unanswered_after_hours }),
        reportMessagesPerDay(db, scope),
        reportUserBreakdown(db, scope),
        reportTeamBreakdown(db, scope),
      ]),
    );
    console.log(`  whole dashboard (5 queries)    ${ms(dashboard.p50)} ${ms(dashboard.p95)}`);
    const month = resolveReportRange({ range: "last_month" }, company.timezone).current;
    const monthly = await timeIt(RUNS, () => reportIndicators(db, { ...scope, from: month.from, to: month.to, unansweredAfterHours: company.unanswered_after_hours }));
    console.log(`  monthly indicators             ${ms(monthly.p50)} ${ms(monthly.p95)}`);
  } finally {
    await closeDatabase();
  }
}

/** What the generated company lacks for reports, set-based like bench/generate.ts. */
async function topUp(db: Awaited<ReturnType<typeof import("@/db/client").getDb>>, companyId: string) {
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const started = Date.now();
    await db.execute(query);
    console.log(`${label.padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const users = sql`(select array_agg(user_id order by user_id) from memberships where company_id = ${companyId})`;
  await step("staff authors", sql`
    update messages m set sender_user_id = coalesce(c.assignee_user_id, (${users})[1 + abs(hashtext(c.id::text)) % 8])
    from conversations c where c.id = m.conversation_id and m.company_id = ${companyId} and m.direction = 'outbound'`);
  await step("closes", sql`update conversations set closed_at = last_activity_at where company_id = ${companyId} and status = 'closed'`);
  await step("appointments", sql`
    insert into appointments (company_id, customer_id, start_at, status)
    select ${companyId}::uuid, id, now() - (n % 129600) * interval '1 minute',
           (array['confirmed','confirmed','completed','cancelled','no_show','scheduled'])[1 + n % 6]
    from (select id, row_number() over (order by id) as n from customers where company_id = ${companyId}) c`);
  await step("payments", sql`
    insert into payment_requests (company_id, customer_id, amount_cents, currency, reference, status, public_token, paid_at)
    select ${companyId}::uuid, id, 5000 + n % 100000, 'CAD', 'RO-' || n, 'paid', 'bench-pay-' || n, now() - (n % 129600) * interval '1 minute'
    from (select id, row_number() over (order by id) as n from customers where company_id = ${companyId}) c where n % 5 = 0`);
  await step("reviews", sql`
    insert into reviews (company_id, customer_id, public_token, rating, submitted_at)
    select ${companyId}::uuid, id, 'bench-review-' || n, 1 + n % 5, now() - (n % 129600) * interval '1 minute'
    from (select id, row_number() over (order by id) as n from customers where company_id = ${companyId}) c where n % 5 = 1`);
  await step("automation results", sql`
    with automation as (insert into automations (company_id, name) values (${companyId}, 'Rappel de rendez-vous') returning id)
    insert into automation_results (company_id, automation_id, customer_id, trigger_key, status, sent_at, replied_at, appointment_status)
    select ${companyId}::uuid, automation.id, c.id, 'bench', 'sent', now() - (n % 129600) * interval '1 minute',
           case when n % 3 = 0 then now() - (n % 129600) * interval '1 minute' + interval '20 minutes' end,
           case when n % 6 = 0 then 'confirmed' end
    from automation, (select id, row_number() over (order by id) as n from customers where company_id = ${companyId}) c where n % 2 = 0`);
  await step("campaign recipients", sql`
    with campaign as (insert into campaigns (company_id, name, status) values (${companyId}, 'Pneus d''hiver', 'completed') returning id)
    insert into campaign_recipients (company_id, campaign_id, customer_id, status, sent_at, replied_at, opted_out_at)
    select ${companyId}::uuid, campaign.id, c.id, 'sent', now() - (n % 129600) * interval '1 minute',
           case when n % 4 = 0 then now() - (n % 129600) * interval '1 minute' + interval '1 hour' end,
           case when n % 50 = 1 then now() - (n % 129600) * interval '1 minute' + interval '2 hours' end
    from campaign, (select id, row_number() over (order by id) as n from customers where company_id = ${companyId}) c where n % 2 = 1`);
  await step("opt-outs", sql`
    insert into consent_events (company_id, customer_id, kind, scope, source, created_at)
    select ${companyId}::uuid, id, 'opt_out', 'all', 'sms_keyword', now() - (n % 129600) * interval '1 minute'
    from (select id, row_number() over (order by id) as n from customers where company_id = ${companyId}) c where n % 20 = 0`);
  // Vacuumed as autovacuum would have: index-only scans need the visibility map.
  await step("vacuum analyze", sql`vacuum analyze`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
