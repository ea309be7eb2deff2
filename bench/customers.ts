/**
 * Customer directory: first page with each filter, a deep keyset page, and searches by
 * name, partial phone and email, on the generated benchmark company (run
 * bench/generate.ts first). Prints p50/p95 per query.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench npx tsx bench/customers.ts
 *
 * Goals: every first page and the 200th page p95 < 50 ms; searches p95 < 150 ms.
 * The company is first topped up to BENCH_CUSTOMERS customers (default 1,000,000; the
 * extra ones have no conversation), so it measures the directory at that size.
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { closeDatabase, getConnection, queryRows } from "@/db/client";
import { listCustomers, type CustomerCursor, type CustomerFilters } from "@/db/queries/customers";
import { findBenchCompany, topUpCustomers } from "./bench-company";
import { ms, timeIt } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);

async function main() {
  const { db, driver } = await getConnection();
  const companyId = await findBenchCompany(db);
  const started = performance.now();
  const added = await topUpCustomers(db, companyId, CUSTOMERS);
  if (added > 0) console.log(`Added ${added.toLocaleString()} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Some customers without a mobile, unsubscribed or stopped, so each filter has rows to find.
  await db.execute(sql`update customers set subscribed_marketing = false where company_id = ${companyId} and subscribed_marketing and (hashtext(id::text) % 20) = 0`);
  await db.execute(sql`update customers set subscribed_general = false where company_id = ${companyId} and subscribed_general and (hashtext(id::text) % 50) = 0`);
  await db.execute(sql`update customers set opted_out_at = now() where company_id = ${companyId} and opted_out_at is null and (hashtext(id::text) % 97) = 0`);
  await db.execute(sql`analyze customers`);
  const [counts] = await queryRows<{ customers: number }>(db, sql`select count(*)::int as customers from customers where company_id = ${companyId}`);
  console.log(`Customer directory benchmark on ${driver}: ${counts!.customers.toLocaleString()} customers, ${RUNS} runs each\n`);

  const filters: [string, CustomerFilters][] = [
    ["everyone", {}],
    ["with a mobile", { mobile: "with" }],
    ["unsubscribed from marketing", { unsubscribed: "marketing" }],
    ["unsubscribed from anything", { unsubscribed: "any" }],
    ["texted STOP", { optedOut: "yes" }],
  ];
  console.log("First page (50 rows)                p50        p95");
  for (const [label, filter] of filters) {
    const result = await timeIt(RUNS, () => listCustomers(db, { companyId, filters: filter }));
    console.log(`  ${label.padEnd(32)} ${ms(result.p50)} ${ms(result.p95)}`);
  }

  let cursor: CustomerCursor | null = null;
  for (let page = 0; page < 199; page++) cursor = (await listCustomers(db, { companyId, cursor })).nextCursor;
  const deep = await timeIt(RUNS, () => listCustomers(db, { companyId, cursor }));
  console.log(`  ${"everyone, 200th page".padEnd(32)} ${ms(deep.p50)} ${ms(deep.p95)}`);

  const searches: [string, string][] = [
    ["a name 46,000 customers share", "gagnon"],
    ["same, other case and accents", "GAGNÓN"],
    ["another (late in the alphabet)", "tremblay"],
    ["first and last name", "julie roy"],
    ["partial phone", "514 000 12"],
    ["last digits", "0004321"],
    ["email", "camille.caron"],
    ["no match", "zzzzqqq"],
  ];
  console.log(`\nSearch (first page)                 p50        p95   (load average ${loadAverage()})`);
  for (const [label, query] of searches) {
    const result = await timeIt(RUNS, () => listCustomers(db, { companyId, query }));
    console.log(`  ${label.padEnd(32)} ${ms(result.p50)} ${ms(result.p95)}`);
  }
  // Next pages of the shared name: the second, and the 100th (keyset cursor).
  const first = await listCustomers(db, { companyId, query: "gagnon" });
  let hundredth = first.nextCursor;
  for (let page = 2; page < 100 && hundredth; page++) hundredth = (await listCustomers(db, { companyId, query: "gagnon", cursor: hundredth })).nextCursor;
  for (const [label, cursor] of [["a name 46,000 share, 2nd page", first.nextCursor], ["a name 46,000 share, 100th page", hundredth]] as const) {
    const result = await timeIt(RUNS, () => listCustomers(db, { companyId, query: "gagnon", cursor }));
    console.log(`  ${label.padEnd(32)} ${ms(result.p50)} ${ms(result.p95)}`);
  }
  console.log(`(load average ${loadAverage()})`);
}

const loadAverage = () => os.loadavg().map((load) => load.toFixed(1)).join(" / ");

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
