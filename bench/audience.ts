/**
 * Audience rules (AUTO-6): count latency of five representative rule trees, compiled to one
 * parameterised SQL query (db/queries/audience.ts), on PostgreSQL and on PGlite, next to
 * json-rules-engine evaluating the same rules over the same rows in memory.
 *
 *   npm run bench:audience                                   # 1,000,000 customers
 *   npm run bench:audience -- --customers 100000             # quicker (a few minutes)
 *   npm run bench:audience -- --customers 100000 --runs 10 --skip-pglite
 *
 * Flags: --customers N (default 1,000,000), --pglite-customers N (default: the same),
 * --runs N (timed counts per rule tree, default 20), --jre-sample N (customers
 * json-rules-engine evaluates, default 20,000; its time is projected to the whole company),
 * --pglite-dir DIR (PGlite on disk instead of in memory: needed for 1M customers, which
 * outgrow its WebAssembly heap; the folder is reused by the next run), --skip-pglite, --skip-postgres,
 * --explain (print each count's EXPLAIN ANALYZE).
 *
 * PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL (if postgres://…), else TEST_DATABASE_URL
 * with the database name `parley_bench_audience` (created and migrated if absent; never
 * the test template itself). The company "Audience bench N" is generated once per size
 * there and reused on the next run. PGlite runs in memory (generated on each run) unless
 * --pglite-dir is given.
 *
 * Goals (issue 11): count < 1 s on 1M customers, ≥ 20× json-rules-engine.
 */
import path from "node:path";
import { TZDate } from "@date-fns/tz";
import { sql } from "drizzle-orm";
import { Engine, type TopLevelCondition } from "json-rules-engine";
import { Client } from "pg";
import { migrateDatabase, openPglite, openPostgres, queryRows, type Db } from "@/db/client";
import { audienceSelect, countAudience, type AudienceQuery } from "@/db/queries/audience";
import type { AudienceCondition, AudienceRules } from "@/db/schema";
import { utcToZonedLocal } from "@/lib/time";
import { ms, percentiles, timeIt } from "./stats";

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(String(process.argv[index + 1]).replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} wants a positive whole number`);
  return value;
}
const has = (name: string) => process.argv.includes(`--${name}`);

const CUSTOMERS = flag("customers", 1_000_000);
const PGLITE_CUSTOMERS = flag("pglite-customers", CUSTOMERS);
const RUNS = flag("runs", 20);
const JRE_SAMPLE = flag("jre-sample", 20_000);
const TIME_ZONE = "America/Toronto";
const CHUNK = 100_000;

const c = (category: AudienceCondition["category"], attribute: string, operator: string, value?: AudienceCondition["value"]): AudienceCondition => ({
  category,
  attribute,
  operator,
  value,
});

const TREES: [string, AudienceRules][] = [
  ["text contains (last name)", { all: [{ any: [c("customer", "last_name", "contains", "tremb")] }] }],
  ["appointment within the next 7 days", { all: [{ any: [c("appointment", "start_at", "within_next_days", 7)] }] }],
  ["message received contains", { all: [{ any: [c("message_received", "body", "contains", "pneus")] }] }],
  ["event attribute > N", { all: [{ any: [c("event", "attributes.amount", "gt", 1500)] }] }],
  [
    "collection, sub-rules ORed, AND a number",
    {
      all: [
        { any: [c("customer", "attributes.models", "includes_any", ["Pilot"]), c("customer", "attributes.models", "includes_all", ["Civic", "CR-V"])] },
        { any: [c("customer", "attributes.vehicle_year", "gt", 2015)] },
      ],
    },
  ],
];

// --- Data ---------------------------------------------------------------------------------

const senderFor = () => `+1873${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;

/** The bench company with `customers` customers and their appointments, repair orders and inbound texts. */
async function benchCompany(db: Db, customers: number, label: string) {
  const name = `Audience bench ${customers}`;
  const [existing] = await queryRows<{ id: string }>(db, sql`select id from companies where name = ${name} limit 1`);
  if (existing) return existing.id;
  // Named only once complete, so an interrupted generation is never measured (nor in the way).
  const [company] = await queryRows<{ id: string }>(
    db,
    sql`insert into companies (name, sender_number, timezone) values (${`${name} (generating)`}, ${senderFor()}, ${TIME_ZONE}) returning id`,
  );
  const companyId = company!.id;
  const started = performance.now();
  for (let from = 1; from <= customers; from += CHUNK) {
    const to = Math.min(customers, from + CHUNK - 1);
    // One statement per chunk, each insert fed by the previous one's RETURNING: no join for
    // the planner to misjudge on freshly inserted rows.
    await db.execute(sql`
      with new_customers as (
        insert into customers (company_id, first_name, last_name, mobile, language, attributes, external_id, search_text, created_at)
        select ${companyId}::uuid, f.name, l.name, '+1' || (array['514','438','450','418'])[1 + i % 4] || lpad(i::text, 7, '0'),
               case when i % 4 = 0 then 'en' else 'fr' end,
               jsonb_build_object(
                 'vehicle_year', 2000 + (i * 7) % 26,
                 'models', (array['["Civic"]','["Civic","CR-V"]','["Accord"]','["Pilot","HR-V"]','[]','["Odyssey"]'])[1 + (i * 11) % 6]::jsonb,
                 'lease_end', to_char(date '2027-01-01' + (i % 900), 'YYYY-MM-DD')),
               i::text, lower(f.name || ' ' || l.name), now() - (i % 900) * interval '1 day'
        from generate_series(${from}::int, ${to}::int) i
        join lateral (select (array['Mathieu','Julie','Sebastien','Isabelle','Francois','Nathalie','Etienne','Genevieve','Louis','Melanie','Olivier','Valerie','Michael','Jennifer','David','Sarah'])[1 + (i * 7) % 16] as name) f on true
        join lateral (select (array['Tremblay','Gagnon','Roy','Cote','Bouchard','Gauthier','Morin','Lavoie','Fortin','Gagne','Ouellet','Pelletier','Belanger','Levesque','Bergeron','Leblanc','Paquette','Girard','Simard','Boucher'])[1 + (i * 13) % 20] as name) l on true
        returning id, external_id::int as i
      ),
      -- One appointment for every other customer, from 180 days ago to 60 days ahead.
      new_appointments as (
        insert into appointments (company_id, customer_id, type, start_at, status)
        select ${companyId}::uuid, r.id, (array['Vidange','Pneus','Inspection','Entretien'])[1 + r.i % 4],
               date_trunc('hour', now()) - interval '180 days' + ((r.i::bigint * 7919) % (240 * 24)) * interval '1 hour',
               (array['scheduled','confirmed','completed','cancelled'])[1 + (r.i / 2) % 4]
        from new_customers r where r.i % 2 = 0
      ),
      -- A repair order for two customers in three, with an amount.
      new_events as (
        insert into customer_events (company_id, customer_id, kind, number, title, status, occurred_at, attributes)
        select ${companyId}::uuid, r.id, 'repair_order', 'RO-' || r.i, 'Bon de travail', case when r.i % 5 = 0 then 'open' else 'closed' end,
               now() - (r.i % 365) * interval '1 day', jsonb_build_object('amount', (r.i::bigint * 37) % 2000, 'mileage', (r.i::bigint * 101) % 250000)
        from new_customers r where r.i % 3 <> 0
      ),
      -- A conversation for every other customer, with two texts from the customer.
      new_conversations as (
        insert into conversations (company_id, customer_id, status, last_activity_at)
        select ${companyId}::uuid, r.id, 'open', now() - (r.i % 500) * interval '1 hour' from new_customers r where r.i % 2 = 1
        returning id, customer_id, last_activity_at
      )
      insert into messages (company_id, conversation_id, customer_id, direction, body, source_kind, status, created_at)
      select ${companyId}::uuid, cv.id, cv.customer_id, 'inbound',
             (array['Bonjour, est-ce que ma voiture est prete?','Merci beaucoup!','Combien pour des pneus d hiver?','Parfait, a demain',
                    'Can I book an oil change?','See you tomorrow','Le voyant du moteur est allume','Oui'])[1 + (abs(hashtext(cv.customer_id::text)) + m) % 8],
             'customer', 'received', cv.last_activity_at - m * interval '1 day'
      from new_conversations cv cross join generate_series(0, 1) m`);
    process.stdout.write(`\r  ${label}: generating… ${to.toLocaleString("en")} / ${customers.toLocaleString("en")} customers`);
  }
  await db.execute(sql`update companies set name = ${name} where id = ${companyId}`);
  await db.execute(sql`analyze`);
  console.log(`\r  ${label}: generated ${customers.toLocaleString("en")} customers (+ appointments, repair orders, texts) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return companyId;
}

// --- json-rules-engine: the same rules, the same semantics, in memory ------------------------

type Row = Record<string, unknown> & { attributes: Record<string, unknown> };
type CustomerFacts = { customer: Row; appointment: Row[]; event: Row[]; message_received: Row[] };

/** As SQL's parley_fold: case- and accent-insensitive. */
const lower = (value: unknown) => (value === null || value === undefined ? null : String(value).normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase());
const blank = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
function asNumber(value: unknown) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^ *-?[0-9]+([.][0-9]+)? *$/.test(value)) return Number(value);
  return null;
}
function asTime(value: unknown, timeZone: string) {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayStart(value, 0, timeZone);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return new Date(value).getTime();
  return null;
}
function dayStart(day: string, offset: number, timeZone: string) {
  const [y, m, d] = day.split("-").map(Number);
  return new TZDate(y!, m! - 1, d! + offset, 0, 0, timeZone).getTime();
}
const UNIT = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** One condition on one row, as the SQL compiler reads it (negations include unknowns). */
function evaluate(condition: AudienceCondition, row: Row, now: Date, timeZone: string): boolean {
  const custom = condition.attribute.startsWith("attributes.");
  const raw = custom ? row.attributes[condition.attribute.slice(11)] : row[condition.attribute];
  const value = condition.value as never;
  const today = utcToZonedLocal(now, timeZone).slice(0, 10);
  const t = now.getTime();
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);
  switch (condition.operator) {
    case "unknown":
      return blank(raw);
    case "known":
      return !blank(raw);
    case "contains":
      return !!lower(raw)?.includes(lower(value)!);
    case "not_contains":
      return !lower(raw)?.includes(lower(value)!);
    case "starts_with":
      return !!lower(raw)?.startsWith(lower(value)!);
    case "is":
      return lower(raw) === lower(value)!;
    case "is_not":
      return lower(raw) !== lower(value)!;
    case "eq":
      return asNumber(raw) === Number(value);
    case "neq":
      return asNumber(raw) !== Number(value);
    case "gt": {
      const n = asNumber(raw);
      return n !== null && n > Number(value);
    }
    case "lt": {
      const n = asNumber(raw);
      return n !== null && n < Number(value);
    }
    case "between": {
      const n = asNumber(raw);
      const [min, max] = value as [number, number];
      return n !== null && n >= min && n <= max;
    }
    case "includes_any":
      return (value as string[]).some((item) => list(raw).includes(item));
    case "includes_all":
      return (value as string[]).every((item) => list(raw).includes(item));
    case "includes_none":
      return !(value as string[]).some((item) => list(raw).includes(item));
  }
  const time = asTime(raw, timeZone);
  if (time === null) return false;
  switch (condition.operator) {
    case "before":
      return time < dayStart(value, 0, timeZone);
    case "after":
      return time >= dayStart(value, 1, timeZone);
    case "on":
      return time >= dayStart(value, 0, timeZone) && time < dayStart(value, 1, timeZone);
    case "within_next_days": {
      const from = typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? dayStart(today, 0, timeZone) : t;
      return time >= from && time < dayStart(today, Number(value) + 1, timeZone);
    }
    case "within_last_days":
      return time >= dayStart(today, -Number(value), timeZone) && time <= t;
    case "days_ago":
      return time >= dayStart(today, -Number(value), timeZone) && time < dayStart(today, -Number(value) + 1, timeZone);
    case "before_subject": {
      const { amount, unit } = value as { amount: number; unit: keyof typeof UNIT };
      return time >= t && time <= t + amount * UNIT[unit];
    }
    case "after_subject": {
      const { amount, unit } = value as { amount: number; unit: keyof typeof UNIT };
      const until = t - amount * UNIT[unit];
      return time <= until && time > until - UNIT.days;
    }
  }
  return false;
}

/** Our rule tree as a json-rules-engine rule: all/any as its own, each condition an operator on a fact. */
function engineFor(rules: AudienceRules, now: Date) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator<Row, AudienceCondition>("audience", (row, condition) => evaluate(condition, row, now, TIME_ZONE));
  engine.addOperator<Row[], AudienceCondition>("someRow", (rows, condition) => Array.isArray(rows) && rows.some((row) => evaluate(condition, row, now, TIME_ZONE)));
  const conditions: TopLevelCondition = {
    all: rules.all.map((rule) => ({
      any: rule.any.map((condition) =>
        condition.category === "customer"
          ? { fact: "customer", operator: "audience", value: condition as never }
          : { fact: condition.category, operator: "someRow", value: condition as never },
      ),
    })),
  };
  engine.addRule({ conditions, event: { type: "match" } });
  return engine;
}

/** The first `limit` customers (by their bench number) with their related rows, as plain objects. */
async function loadFacts(db: Db, companyId: string, limit: number): Promise<CustomerFacts[]> {
  const customers = await queryRows<Row & { id: string }>(
    db,
    sql`select id, first_name, last_name, mobile, email, language, created_at, attributes from customers
        where company_id = ${companyId} and external_id::int <= ${limit}::int`,
  );
  const byId = new Map<string, CustomerFacts>();
  for (const customer of customers) byId.set(customer.id, { customer: { ...customer, created_at: new Date(customer.created_at as string) }, appointment: [], event: [], message_received: [] });
  const ids = sql`(select id from customers where company_id = ${companyId} and external_id::int <= ${limit}::int)`;
  const related: [keyof Omit<CustomerFacts, "customer">, ReturnType<typeof sql>, string[]][] = [
    ["appointment", sql`select customer_id, start_at, type, status, duration_minutes, created_at, attributes from appointments where company_id = ${companyId} and customer_id in ${ids}`, ["start_at", "created_at"]],
    ["event", sql`select customer_id, occurred_at, kind, number, title, status, created_at, attributes from customer_events where company_id = ${companyId} and customer_id in ${ids}`, ["occurred_at", "created_at"]],
    ["message_received", sql`select customer_id, body, created_at, '{}'::jsonb as attributes from messages where company_id = ${companyId} and direction = 'inbound' and customer_id in ${ids}`, ["created_at"]],
  ];
  for (const [category, query, dates] of related) {
    for (const row of await queryRows<Row & { customer_id: string }>(db, query)) {
      for (const key of dates) row[key] = new Date(row[key] as string);
      byId.get(row.customer_id)?.[category].push(row);
    }
  }
  return [...byId.values()];
}

// --- Run ----------------------------------------------------------------------------------

type Figures = { label: string; p50: number; p95: number; count: number };

async function benchDatabase(db: Db, label: string, customers: number, now: Date) {
  const companyId = await benchCompany(db, customers, label);
  const figures: Figures[] = [];
  for (const [name, rules] of TREES) {
    const query: AudienceQuery = { companyId, rules, subject: "customer", now, timeZone: TIME_ZONE };
    const count = await countAudience(db, query);
    if (has("explain")) {
      const plan = await queryRows<{ "QUERY PLAN": string }>(db, sql`explain (analyze, buffers) select count(*) from (${audienceSelect(query)}) audience`);
      console.log(`\n  ${label}, ${name}:\n${plan.map((row) => `    ${row["QUERY PLAN"]}`).join("\n")}`);
    }
    const { p50, p95 } = await timeIt(RUNS, () => countAudience(db, query));
    figures.push({ label: name, p50, p95, count });
  }
  return { companyId, figures };
}

async function postgresUrl() {
  const explicit = process.env.BENCH_DATABASE_URL ?? (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined);
  if (explicit) return explicit;
  if (!process.env.TEST_DATABASE_URL) return null;
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = "/parley_bench_audience";
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = 'parley_bench_audience'");
    if (!rowCount) await client.query("create database parley_bench_audience");
  } finally {
    await client.end();
  }
  return url.toString();
}

async function main() {
  const now = new Date();
  console.log(`Audience rules benchmark: ${TREES.length} rule trees, count(*) over customers, ${RUNS} timed runs each (after one warm-up).`);
  console.log(`  (npm run bench:audience -- --customers 100000 for a quicker run; flags in bench/audience.ts)\n`);
  const results: { database: string; customers: number; figures: Figures[] }[] = [];
  let factsSource: { db: Db; companyId: string; customers: number; close: () => Promise<void> } | undefined;

  const url = has("skip-postgres") ? null : await postgresUrl();
  if (url) {
    const { db, close } = await openPostgres(url, { max: 2 });
    await migrateDatabase(db, "pg");
    const { companyId, figures } = await benchDatabase(db, "PostgreSQL", CUSTOMERS, now);
    results.push({ database: "PostgreSQL", customers: CUSTOMERS, figures });
    factsSource = { db, companyId, customers: CUSTOMERS, close };
  } else if (!has("skip-postgres")) {
    console.log("  PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to postgres://…\n");
  }
  let pglite: { db: Db; close: () => Promise<void> } | undefined;
  if (!has("skip-pglite")) {
    // In memory by default; a million customers outgrow the WebAssembly heap (~750 MB per
    // 100k here), so --pglite-dir keeps the database in a folder (reused by the next run).
    const dir = process.argv[process.argv.indexOf("--pglite-dir") + 1];
    const onDisk = has("pglite-dir") && dir ? path.resolve(dir) : undefined;
    const label = onDisk ? "PGlite (on disk)" : "PGlite (in memory)";
    pglite = await openPglite(onDisk);
    await migrateDatabase(pglite.db, "pglite");
    const { companyId, figures } = await benchDatabase(pglite.db, label, PGLITE_CUSTOMERS, now);
    results.push({ database: label, customers: PGLITE_CUSTOMERS, figures });
    factsSource ??= { db: pglite.db, companyId, customers: PGLITE_CUSTOMERS, close: async () => {} };
  }
  if (!factsSource) throw new Error("Nothing to measure: both databases skipped.");

  // json-rules-engine over the first customers of the same company, projected to all of them.
  const sample = Math.min(JRE_SAMPLE, factsSource.customers);
  const facts = await loadFacts(factsSource.db, factsSource.companyId, sample);
  const jre: { p50: number; p95: number; agrees: boolean }[] = [];
  for (const [, rules] of TREES) {
    const engine = engineFor(rules, now);
    const passes: number[] = [];
    let matched = 0;
    for (let pass = 0; pass < 3; pass++) {
      matched = 0;
      const started = performance.now();
      for (const customer of facts) if ((await engine.run(customer)).events.length) matched++;
      passes.push(((performance.now() - started) / facts.length) * factsSource.customers);
    }
    // Same semantics: SQL's count over the same sample.
    const [row] = await queryRows<{ count: number }>(
      factsSource.db,
      sql`select count(*)::int as count from (${audienceSelect({ companyId: factsSource.companyId, rules, subject: "customer", now, timeZone: TIME_ZONE })}) a
          where a.customer_id in (select id from customers where company_id = ${factsSource.companyId} and external_id::int <= ${sample}::int)`,
    );
    const { p50, p95 } = percentiles(passes);
    jre.push({ p50, p95, agrees: row!.count === matched });
  }

  for (const result of results) {
    console.log(`\n${result.database}, ${result.customers.toLocaleString("en")} customers      matching        p50        p95   vs json-rules-engine (p50)`);
    result.figures.forEach((figure, index) => {
      const ratio = (jre[index]!.p50 * (result.customers / factsSource!.customers)) / figure.p50;
      console.log(`  ${figure.label.padEnd(42)} ${figure.count.toLocaleString("en").padStart(9)} ${ms(figure.p50)} ${ms(figure.p95)}   ${ratio.toFixed(0).padStart(6)}× faster`);
    });
  }
  console.log(
    `\njson-rules-engine 7 (in memory, rows already loaded; ${sample.toLocaleString("en")} customers evaluated, time projected to ${factsSource.customers.toLocaleString("en")})`,
  );
  TREES.forEach(([name], index) => {
    const figure = jre[index]!;
    console.log(`  ${name.padEnd(42)} ${ms(figure.p50)} ${ms(figure.p95)}   same matches as SQL on the sample: ${figure.agrees ? "yes" : "NO"}`);
  });
  await pglite?.close();
  await factsSource.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
