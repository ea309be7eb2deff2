/**
 * Campaigns (issue 13): a 100,000-recipient campaign on one company — planned (every
 * recipient materialised, skips counted, in one INSERT … SELECT … ON CONFLICT DO NOTHING)
 * then sent through the sending gate on the local channel with the throttle off, by
 * several concurrent runners (as several workers would). Each figure is printed next to
 * the raw INSERT rate of the same rows.
 *
 *   npm run bench:campaign                          # PGlite in memory
 *   npm run bench:campaign -- --postgres            # BENCH_DATABASE_URL, else BENCH_POSTGRES_SERVER / TEST_DATABASE_URL's server (parley_bench_campaign, recreated)
 *
 * Flags: --customers N (default 100,000), --runners N (concurrent runners, default 8),
 * --plan-only (stop after planning), --postgres, --async-commit (synchronous_commit off on the bench database).
 */
import { sql } from "drizzle-orm";
import { installDatabase, migrateDatabase, openPglite, openPostgres, queryRows, type Db } from "@/db/client";
import { planCampaignRecipients } from "@/db/queries/campaigns";
import * as s from "@/db/schema";
import { campaignPlan } from "@/lib/campaigns/dry-run";
import { runCampaign } from "@/lib/campaigns/run";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { benchDatabaseUrl } from "./config";
import { createSendingCampaign } from "./fixtures";
import { ms } from "./stats";

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(String(process.argv[index + 1]).replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} wants a positive whole number`);
  return value;
}
const CUSTOMERS = flag("customers", 100_000);
const RUNNERS = flag("runners", 8);
const POSTGRES = process.argv.includes("--postgres");

async function database(): Promise<{ db: Db; close: () => Promise<void>; label: string }> {
  if (!POSTGRES) {
    const { db, close } = await openPglite();
    await migrateDatabase(db, "pglite");
    // The in-process background work (the webhook worker a send nudges) uses this database too.
    installDatabase(db, "pglite", close);
    return { db, close, label: "PGlite (in memory)" };
  }
  // --async-commit: commits do not wait for the WAL flush (a shared machine's slow fsync otherwise dominates).
  const url = await benchDatabaseUrl("parley_bench_campaign", { settings: process.argv.includes("--async-commit") ? { synchronous_commit: "off" } : {} });
  const { db, close } = await openPostgres(url, { max: RUNNERS * 2 });
  await migrateDatabase(db, "pg");
  installDatabase(db, "pg", close);
  return { db, close, label: "PostgreSQL" };
}

/** The company (quiet hours off, so marketing goes now) and its customers: 1% opted out, 2% unsubscribed from marketing, 1% without a mobile. */
async function generate(db: Db) {
  const [company] = await db
    .insert(s.companies)
    .values({ name: `Campaign bench ${CUSTOMERS}`, senderNumber: "+15145550998", timezone: "America/Toronto", quietHoursStart: "00:00", quietHoursEnd: "00:00" })
    .returning();
  const companyId = company!.id;
  await db.execute(sql`
    insert into customers (company_id, first_name, last_name, mobile, language, search_text, opted_out_at, subscribed_marketing)
    select ${companyId}::uuid, 'Client' || i, 'Bench', case when i % 100 = 7 then null else '+1438' || lpad(i::text, 7, '0') end,
           case when i % 3 = 0 then 'en' else 'fr' end, '',
           case when i % 100 = 3 then now() end, i % 50 <> 5
    from generate_series(1, ${CUSTOMERS}) i`);
  await db.execute(sql`analyze`);
  return companyId;
}

const rate = (rows: number, millis: number) => `${Math.round(rows / (millis / 1000)).toLocaleString("en")} rows/s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function main() {
  const { db, close, label } = await database();
  try {
    console.log(`Campaign to ${CUSTOMERS.toLocaleString("en")} customers — ${label}, ${RUNNERS} concurrent runners, throttle off`);
    const companyId = await generate(db);
    const campaign = await createSendingCampaign(db, { companyId, audience: { all: [] } });
    const campaignId = campaign.id;

    const now = new Date();
    const [planned, planMs] = await timed(async () => planCampaignRecipients(db, { companyId, campaignId, plan: await campaignPlan(db, campaign, { now, timeZone: "America/Toronto" }), now }));
    const counts = await queryRows<{ status: string; skip_reason: string | null; count: number }>(
      db,
      sql`select status, skip_reason, count(*)::int as count from campaign_recipients where campaign_id = ${campaignId} group by 1, 2 order by 3 desc`,
    );
    await db.execute(sql`create table bench_raw_recipients (like campaign_recipients including defaults)`);
    const [, rawPlanMs] = await timed(() => db.execute(sql`insert into bench_raw_recipients select * from campaign_recipients where campaign_id = ${campaignId}`));
    console.log(`  planned ${planned!.toLocaleString("en")} recipients in ${ms(planMs)} (${rate(planned!, planMs)}); raw INSERT of the same rows ${ms(rawPlanMs)} (${rate(planned!, rawPlanMs)})`);
    console.log(`  ${counts.map((row) => `${row.skip_reason ?? row.status} ${Number(row.count).toLocaleString("en")}`).join(", ")}`);

    if (process.argv.includes("--plan-only")) return;
    const options = { dependencies: { provider: localSmsProvider }, throttle: new SenderThrottle(0) };
    const [outcomes, sendMs] = await timed(() => Promise.all(Array.from({ length: RUNNERS }, () => runCampaign(db, { companyId, campaignId }, options))));
    const sent = outcomes.reduce((sum, outcome) => sum + (outcome.status === "ran" ? outcome.sent : 0), 0);
    const [check] = await queryRows<{ messages: number; distinct_customers: number }>(
      db,
      sql`select count(*)::int as messages, count(distinct customer_id)::int as distinct_customers from messages where company_id = ${companyId} and source_kind = 'campaign'`,
    );
    await db.execute(sql`create table bench_raw_messages (like messages including defaults)`);
    const [, rawSendMs] = await timed(() => db.execute(sql`insert into bench_raw_messages select * from messages where company_id = ${companyId} and source_kind = 'campaign'`));
    console.log(`  sent ${sent.toLocaleString("en")} texts through the gate in ${ms(sendMs)} (${Math.round(sent / (sendMs / 1000)).toLocaleString("en")} texts/s); raw INSERT of the same message rows ${ms(rawSendMs)} (${rate(sent, rawSendMs)})`);
    console.log(`  ${check!.messages} campaign messages to ${check!.distinct_customers} distinct customers; campaign ${(await db.select({ status: s.campaigns.status }).from(s.campaigns).where(sql`id = ${campaignId}`))[0]!.status}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
