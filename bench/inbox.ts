/**
 * Inbox first page with each filter, and global search queries, on the generated
 * benchmark company (run bench/generate.ts first). Prints p50/p95 per query.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench npx tsx bench/inbox.ts
 *
 * Goals: list p95 < 50 ms, search p95 < 150 ms.
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { closeDatabase, getConnection, queryRows } from "@/db/client";
import { listInbox, type InboxFilter } from "@/db/queries/inbox";
import { globalSearch } from "@/lib/search/global";
import { BENCH_SENDER } from "./config";
import { ms, timeIt } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

async function main() {
  const { db, driver } = await getConnection();
  const [company] = await queryRows<{ id: string }>(db, sql`select id from companies where sender_number = ${BENCH_SENDER}`);
  if (!company) throw new Error("Run bench/generate.ts first.");
  const [user] = await queryRows<{ user_id: string }>(db, sql`select user_id from memberships where company_id = ${company.id} order by user_id limit 1`);
  const [team] = await queryRows<{ id: string }>(db, sql`select id from teams where company_id = ${company.id} and name = 'Service'`);
  const [counts] = await queryRows<{ conversations: number; messages: number }>(
    db,
    sql`select (select count(*) from conversations where company_id = ${company.id})::int as conversations, (select count(*) from messages where company_id = ${company.id})::int as messages`,
  );
  console.log(`Inbox benchmark on ${driver}: ${counts!.conversations.toLocaleString()} conversations, ${counts!.messages.toLocaleString()} messages, ${RUNS} runs each\n`);

  const companyId = company.id;
  const userId = user!.user_id;
  const filters: [string, InboxFilter][] = [
    ["all, open", { view: { kind: "all" }, status: "open", flags: [] }],
    ["all, all statuses", { view: { kind: "all" }, status: "all", flags: [] }],
    ["mine, open", { view: { kind: "mine" }, status: "open", flags: [] }],
    ["a user, open", { view: { kind: "user", id: userId }, status: "open", flags: [] }],
    ["a team, open", { view: { kind: "team", id: team!.id }, status: "open", flags: [] }],
    ["all, closed", { view: { kind: "all" }, status: "closed", flags: [] }],
    ["all, unread", { view: { kind: "all" }, status: "open", flags: ["unread"] }],
    ["all, unanswered", { view: { kind: "all" }, status: "open", flags: ["unanswered"] }],
    ["mine, unread+unanswered", { view: { kind: "mine" }, status: "open", flags: ["unread", "unanswered"] }],
  ];
  console.log("Inbox first page (40 rows)          p50        p95");
  for (const [label, filter] of filters) {
    const result = await timeIt(RUNS, () => listInbox(db, { companyId, userId, filter }));
    console.log(`  ${label.padEnd(30)} ${ms(result.p50)} ${ms(result.p95)}`);
  }
  const page1 = await listInbox(db, { companyId, userId, filter: filters[0]![1] });
  const deep = await timeIt(RUNS, () => listInbox(db, { companyId, userId, filter: filters[0]![1], cursor: page1.nextCursor }));
  console.log(`  ${"all, open, second page".padEnd(30)} ${ms(deep.p50)} ${ms(deep.p95)}`);

  const queries: [string, string][] = [
    ["customer name (gagnon)", "gagnon"],
    ["partial phone", "514 000 12"],
    ["message text", "voyant moteur"],
    ["repair-order number", "RO-100042"],
    ["payment amount", "389,95 $"],
  ];
  console.log(`\nGlobal search (all groups)          p50        p95   (load average ${loadAverage()})`);
  for (const [label, query] of queries) {
    const result = await timeIt(RUNS, () => globalSearch(db, { companyId, query }));
    console.log(`  ${label.padEnd(30)} ${ms(result.p50)} ${ms(result.p95)}`);
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
