/**
 * Automations (issue 11): wall time of one run-due-automations sweep over 50 active
 * real-time automations on one company — the sweep the cron (or the in-process timer)
 * runs every minute. Each sweep re-checks every audience (one INSERT … SELECT … ON
 * CONFLICT DO NOTHING per automation) and sends what is new; the first sweep sends to
 * everyone matching, later ones find the same triggers already texted.
 *
 *   npm run bench:automation-sweep -- --postgres           # 1,000,000 customers (issue 11's size)
 *   npm run bench:automation-sweep -- --customers 100000   # quicker, PGlite in memory
 *
 * Flags: --customers N (default 1,000,000), --automations N (default 50), --sweeps N (timed
 * sweeps after the first, default 10), --postgres (BENCH_DATABASE_URL, else
 * BENCH_POSTGRES_SERVER / TEST_DATABASE_URL's server with the database `parley_bench_sweep`, recreated). PGlite
 * in memory: bench:audience found its WebAssembly heap too small for a million customers, so use --postgres there.
 * Last names are shared by about 50 customers whatever the size, so each automation
 * reaches tens of customers, as a real one does, and the first sweep sends about as many
 * texts at every size.
 */
import { sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, queryRows, type Db } from "@/db/client";
import * as s from "@/db/schema";
import { runDueAutomations } from "@/lib/automations/run";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { benchDatabaseUrl } from "./config";
import { createRealtimeAutomations, type AutomationAudience } from "./fixtures";
import { ms, percentiles } from "./stats";

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(String(process.argv[index + 1]).replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} wants a positive whole number`);
  return value;
}
const CUSTOMERS = flag("customers", 1_000_000);
const AUTOMATIONS = flag("automations", 50);
const SWEEPS = flag("sweeps", 10);
const LAST_NAMES = Math.max(1, Math.round(CUSTOMERS / 50));

async function database(): Promise<{ db: Db; close: () => Promise<void>; label: string }> {
  if (!process.argv.includes("--postgres")) {
    const { db, close } = await openPglite();
    await migrateDatabase(db, "pglite");
    return { db, close, label: "PGlite (in memory)" };
  }
  const url = await benchDatabaseUrl("parley_bench_sweep");
  const { db, close } = await openPostgres(url, { max: 4 });
  await migrateDatabase(db, "pg");
  return { db, close, label: "PostgreSQL" };
}

/** The company, its customers (one in LAST_NAMES per last name) and one appointment each for a third. */
async function generate(db: Db) {
  const [company] = await db.insert(s.companies).values({ name: `Sweep bench ${CUSTOMERS}`, senderNumber: "+15145550999", timezone: "America/Toronto" }).returning();
  const companyId = company!.id;
  await db.execute(sql`
    insert into customers (company_id, first_name, last_name, mobile, language, search_text)
    select ${companyId}::uuid, 'Client' || i, 'Bench' || (i % ${LAST_NAMES}), '+1438' || lpad(i::text, 7, '0'), 'fr', ''
    from generate_series(1, ${CUSTOMERS}) i`);
  await db.execute(sql`
    insert into appointments (company_id, customer_id, start_at, type)
    select c.company_id, c.id, now() + ((row_number() over ()) % 240) * interval '1 hour', 'Entretien'
    from customers c where c.company_id = ${companyId} and (hashtext(c.id::text) % 3) = 0`);
  await db.execute(sql`analyze`);
  return companyId;
}

/** Representative rules, each narrow enough for a real automation (tens of customers). */
function rulesFor(index: number): AutomationAudience {
  const name = `Bench${(index * 37) % LAST_NAMES}`;
  const byName = { category: "customer" as const, attribute: "last_name", operator: "is", value: name };
  if (index % 2 === 0) return { triggerScope: "customer", rules: { all: [{ any: [byName] }] } };
  return {
    triggerScope: "appointment",
    rules: {
      all: [
        { any: [{ category: "appointment", attribute: "start_at", operator: "within_next_days", value: 2 }] },
        { any: [byName, { category: "customer", attribute: "first_name", operator: "is", value: `Client${1 + ((index * 7919) % CUSTOMERS)}` }] },
      ],
    },
  };
}

async function main() {
  const { db, close, label } = await database();
  try {
    console.log(`Sweep over ${AUTOMATIONS} real-time automations, ${CUSTOMERS.toLocaleString("en")} customers — ${label}`);
    const generating = performance.now();
    const companyId = await generate(db);
    const generatedMs = performance.now() - generating;
    await createRealtimeAutomations(db, companyId, Array.from({ length: AUTOMATIONS }, (_, i) => rulesFor(i)));
    const options = { dependencies: { provider: localSmsProvider }, throttle: new SenderThrottle(0) };
    let now = new Date();
    const first = performance.now();
    const firstSweep = await runDueAutomations(db, now, options);
    const firstMs = performance.now() - first;
    const samples: number[] = [];
    for (let i = 0; i < SWEEPS; i++) {
      now = new Date(now.getTime() + 5 * 60_000);
      const start = performance.now();
      const sweep = await runDueAutomations(db, now, options);
      samples.push(performance.now() - start);
      if (sweep.ran !== AUTOMATIONS) console.warn(`  sweep ${i + 1} ran ${sweep.ran} automations`);
    }
    const [{ results }] = (await queryRows<{ results: number }>(db, sql`select count(*)::int as results from automation_results where company_id = ${companyId}`)) as [{ results: number }];
    const { p50, p95 } = percentiles(samples);
    console.log(`  generated in ${ms(generatedMs)}`);
    console.log(`  first sweep (sends ${firstSweep.sent} texts): ${ms(firstMs)}`);
    console.log(`  later sweeps (re-check, nothing new) p50 ${ms(p50)}  p95 ${ms(p95)}  over ${SWEEPS} sweeps; ${results} results`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
