/**
 * Mixed load (issue 16): the whole product at once against `next start` on PostgreSQL —
 * 50 staff sessions (inbox list, open a conversation, reply, search, with think time),
 * signed inbound texts at 100 msg/s open-loop, 20 real-time automations sweeping the
 * 1M-customer bench company and a 10k-recipient campaign sending. Prints p50/p95/max and
 * errors per action, the inbound backlog over time, campaign progress, automation sweep
 * durations and the load average.
 *
 *   npm run build && npm run bench:mixed
 *   npm run bench:mixed -- --seconds 30 --staff 20 --inbound-rate 50
 *
 * Database: BENCH_DATABASE_URL, else `parley_bench_mixed` on BENCH_POSTGRES_SERVER, made
 * from the template `parley_bench` when missing (nobody may be connected to it then), and
 * topped up to 1,000,000 customers. Each run adds its replies, inbound texts, automations
 * (the previous run's are paused) and campaign to it.
 *
 * Flags: --seconds N (60), --staff N (50), --think-ms N (mean pause between a staff
 * member's actions, 2000), --inbound-rate N (texts/s, 100), --automations N (20),
 * --recipients N (10,000), --texts-per-second N (the sender throttle, 100; 0 = off),
 * --web N (web instances, 1), --worker (one more instance for background work),
 * --web-env K=V / --worker-env K=V (repeatable: env of the web / worker instances, e.g.
 * the flag that turns background work off on web instances), --html (pages as whole HTML
 * documents, a first load or a reload, instead of the RSC payload of a click in the running
 * app — the whole page's, no router state sent), --verbose (server output).
 *
 * Reply: the composer's server action (`sendReply`, lib/conversations/actions.ts) posted as
 * the browser does (Next-Action header with its id from the build's server-reference manifest).
 * Goals: staff actions p95 < 300 ms, inbound backlog never above 10 s, 0 errors.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { openPostgres, queryRows, type Db } from "@/db/client";
import * as s from "@/db/schema";
import { findBenchCompany, textableSenders, topUpCustomers } from "./bench-company";
import { BENCH_POSTGRES_SERVER, BENCH_SENDER } from "./config";
import { createRealtimeAutomations, createSendingCampaign } from "./fixtures";
import { machineBusyCpuSeconds, processTreeCpuSeconds, signedInboundWebhook, startNextServer, type NextServer } from "./server";
import { percentiles } from "./stats";

const argv = process.argv.slice(2);
function flag(name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(String(argv[index + 1]).replace(/[_,]/g, ""));
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} wants a number ≥ 0`);
  return value;
}
function envFlags(name: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  argv.forEach((arg, i) => {
    if (arg !== `--${name}`) return;
    const [key, ...value] = String(argv[i + 1]).split("=");
    if (!key || value.length === 0) throw new Error(`--${name} wants KEY=VALUE`);
    pairs[key] = value.join("=");
  });
  return pairs;
}
const SECONDS = flag("seconds", 60);
const STAFF = flag("staff", 50);
const THINK_MS = flag("think-ms", 2000);
const INBOUND_RATE = flag("inbound-rate", 100);
const AUTOMATIONS = flag("automations", 20);
const RECIPIENTS = flag("recipients", 10_000);
const TEXTS_PER_SECOND = flag("texts-per-second", 100);
const WEB = Math.max(1, flag("web", 1));
const WORKER = argv.includes("--worker");
const VERBOSE = argv.includes("--verbose");
const HTML = argv.includes("--html");
const CUSTOMERS = 1_000_000;
const TIMEOUT_MS = 10_000;
const PASSWORD = "parley123"; // bench/generate.ts's agents

type Action = "inbox list" | "open conversation" | "reply" | "search" | "inbound webhook" | "sign in";
/** refused: the product said no as it should (a reply to a customer who unsubscribed), not an error. */
type Tally = { latencies: number[]; non2xx: number; timeouts: number; failures: number; refused: number; lastError?: string };
type Verdict = "ok" | "refused" | "error";
const tallies = new Map<Action, Tally>();
const tally = (action: Action) => tallies.get(action) ?? tallies.set(action, { latencies: [], non2xx: 0, timeouts: 0, failures: 0, refused: 0 }).get(action)!;

/** One request, timed and counted; `verdict` judges it beyond the status (a server action answers 200 with its own error). */
async function timed(action: Action, request: () => Promise<Response>, verdict: (response: Response, body: string) => Verdict = (r) => (r.ok ? "ok" : "error")) {
  const t = tally(action);
  const start = performance.now();
  try {
    const response = await request();
    const body = await response.text();
    t.latencies.push(performance.now() - start);
    const judged = verdict(response, body);
    if (judged === "refused") t.refused++;
    if (judged === "error") {
      t.non2xx++;
      t.lastError = `${response.status} ${body.slice(0, 160).replace(/\s+/g, " ")}`;
      return null;
    }
    return { response, body };
  } catch (error) {
    const name = (error as Error).name;
    // A request that never answered counts at the time waited, so it weighs in the percentiles.
    t.latencies.push(performance.now() - start);
    if (name === "TimeoutError" || name === "AbortError") t.timeouts++;
    else {
      t.failures++;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      t.lastError = `${String(error)}${cause ? ` (${cause.code ?? cause.message})` : ""}`;
    }
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T,>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
const think = () => sleep(THINK_MS * (0.5 + Math.random()));

/** The bench's own copy of parley_bench, made from it when missing. */
async function databaseUrl() {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const admin = new Client({ connectionString: `${BENCH_POSTGRES_SERVER}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = 'parley_bench_mixed'");
    if (!rowCount) {
      console.log("Copying parley_bench to parley_bench_mixed …");
      await admin.query("create database parley_bench_mixed template parley_bench").catch((error: unknown) => {
        throw new Error(`Could not copy parley_bench (is someone connected to it?): ${String(error)}`);
      });
    }
  } finally {
    await admin.end();
  }
  return `${BENCH_POSTGRES_SERVER}/parley_bench_mixed`;
}

/** STAFF agents signed in with bench/generate.ts's password (it makes 8; the rest are added like them). */
async function ensureAgents(db: Db, companyId: string) {
  await db.execute(sql`
    insert into users (email, name, password_hash)
    select 'bench' || i || '@parley.test', 'Bench Agent ' || i, (select password_hash from users where email = 'bench1@parley.test')
    from generate_series(1, ${STAFF}::int) i
    on conflict do nothing`);
  await db.execute(sql`
    insert into memberships (company_id, user_id, role)
    select ${companyId}::uuid, id, 'agent' from users where email like 'bench%@parley.test'
    on conflict do nothing`);
  return Array.from({ length: STAFF }, (_, i) => `bench${i + 1}@parley.test`);
}

/**
 * AUTOMATIONS real-time automations, re-checked every minute: "customers who became ours N
 * days ago" (about 1,100 of the million a day) with a given last name, so each reaches about
 * 90 customers (tens, as a real one does), while its sweep still looks at the whole company. The
 * (day, last name) pairs are read from customers: the generated names follow the day.
 */
async function setUpAutomations(db: Db, companyId: string) {
  await db.update(s.automations).set({ status: "paused" }).where(sql`company_id = ${companyId} and name like 'Bench automation %' and status = 'active'`);
  const pairs = await queryRows<{ last_name: string; days_ago: number }>(
    db,
    sql`select c.last_name, ((now() at time zone co.timezone)::date - (c.created_at at time zone co.timezone)::date)::int as days_ago
        from customers c join companies co on co.id = c.company_id
        where c.company_id = ${companyId} and c.created_at < now() - interval '1 day'
        order by random() limit ${AUTOMATIONS}`,
  );
  const created = await createRealtimeAutomations(
    db,
    companyId,
    pairs.map((pair) => ({
      triggerScope: "customer" as const,
      rules: {
        all: [
          { any: [{ category: "customer" as const, attribute: "created_at", operator: "days_ago", value: pair.days_ago }] },
          { any: [{ category: "customer" as const, attribute: "last_name", operator: "is", value: pair.last_name }] },
        ],
      },
    })),
    { everyMinutes: 1 },
  );
  return created.map((row) => row.id);
}

/** A static group of RECIPIENTS customers and a campaign to it, already sending (the server's sweep plans and sends it). */
async function setUpCampaign(db: Db, companyId: string) {
  await db.update(s.campaigns).set({ status: "cancelled" }).where(sql`company_id = ${companyId} and status in ('sending', 'paused', 'scheduled')`);
  const [group] = await db.insert(s.customerGroups).values({ companyId, name: `Bench mixed ${Date.now()}`, kind: "static" }).returning();
  await db.execute(sql`
    insert into customer_group_members (group_id, customer_id, company_id, source)
    select ${group!.id}::uuid, id, company_id, 'selection' from customers
    where company_id = ${companyId} and mobile is not null order by random() limit ${RECIPIENTS}`);
  // Not marketing: quiet hours would hold it whenever the bench runs in the evening.
  const campaign = await createSendingCampaign(db, {
    companyId,
    marketing: false,
    audience: { all: [{ any: [{ category: "customer", attribute: "group", operator: "in_group", value: group!.id }] }] },
  });
  return campaign.id;
}

/** The build's id of the composer's sendReply server action. */
function sendReplyActionId() {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === "lib/conversations/actions.ts" && v.exportedName === "sendReply");
  if (!entry) throw new Error("sendReply not in .next/server/server-reference-manifest.json: run npm run build");
  return entry[0];
}

/**
 * The `_rsc` parameter Next.js wants on an RSC request (a hash of the router headers, the
 * same for every path when they are): read once from the redirect it answers without it.
 */
async function rscKeyOf(base: string, cookie: string) {
  const response = await fetch(`${base}/conversations`, { headers: { cookie, rsc: "1" }, redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  return (location && new URL(location, base).searchParams.get("_rsc")) ?? "";
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // The csrf cookie may be set twice (middleware and route): the last one goes with the token.
  const jar = new Map(csrf.headers.getSetCookie().map((c) => c.split(";")[0]!.split("=") as [string, string]));
  const csrfCookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const result = await timed("sign in", () =>
    fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/` }),
      signal: AbortSignal.timeout(TIMEOUT_MS * 3),
    }),
  (response) => (response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=")) ? "ok" : "error"));
  const session = result?.response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in refused for ${email}: ${tally("sign in").lastError}`);
  return session.split(";")[0]!;
}

const CONVERSATION_LINK = /\/conversations\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;
const SEARCHES = ["tremblay", "julie roy", "514 000 12", "0004321", "camille.caron", "gagnon", "pret", "pneus"];

/** One staff member: inbox list, open one of its conversations, reply, search — until `until`. */
async function staffLoop(base: string, cookie: string, actionId: string, fallbackConversations: string[], until: number, index: number, rscKey: string | null) {
  const get = (path: string) => () =>
    rscKey === null
      ? fetch(`${base}${path}`, { headers: { cookie, accept: "text/html" }, signal: AbortSignal.timeout(TIMEOUT_MS) })
      : fetch(`${base}${path}${path.includes("?") ? "&" : "?"}_rsc=${rscKey}`, { headers: { cookie, rsc: "1" }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  await sleep(Math.random() * THINK_MS);
  let replies = 0;
  while (Date.now() < until) {
    const inbox = await timed("inbox list", get("/conversations"));
    const listed = inbox ? [...new Set([...inbox.body.matchAll(CONVERSATION_LINK)].map((m) => m[1]!))] : [];
    await think();
    if (Date.now() >= until) break;
    const conversationId = listed.length > 0 ? pick(listed) : pick(fallbackConversations);
    await timed("open conversation", get(`/conversations/${conversationId}`));
    await think();
    if (Date.now() >= until) break;
    await timed(
      "reply",
      () =>
        fetch(`${base}/conversations/${conversationId}`, {
          method: "POST",
          headers: { cookie, accept: "text/x-component", "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin: base },
          body: JSON.stringify([{ conversationId, body: `Bonjour, votre véhicule est prêt (agent ${index}, réponse ${++replies}).`, attachmentIds: [] }]),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        }),
      (response, body) => (response.ok && body.includes('"ok":true') ? "ok" : response.ok && body.includes('"error":"sendRefusal.') ? "refused" : "error"),
    );
    await think();
    if (Date.now() >= until) break;
    await timed("search", get(`/search?q=${encodeURIComponent(pick(SEARCHES))}`));
    await think();
  }
}

/** Signed inbound texts at INBOUND_RATE a second, open loop: sent on schedule whatever the answers take. */
async function inboundLoop(bases: string[], mobiles: string[], until: number) {
  if (INBOUND_RATE <= 0) return;
  const inFlight: Promise<unknown>[] = [];
  const started = Date.now();
  for (let sent = 0; ; sent++) {
    const due = started + (sent * 1000) / INBOUND_RATE;
    if (due >= until) break;
    if (due > Date.now()) await sleep(due - Date.now());
    const base = bases[sent % bases.length]!;
    const request = signedInboundWebhook({ from: pick(mobiles), to: BENCH_SENDER, text: `Bonjour, est-ce que ma voiture est prête? (${sent})` }).then(({ body, authorization }) =>
      timed("inbound webhook", () =>
        fetch(`${base}/api/webhooks/vonage/inbound`, { method: "POST", headers: { "content-type": "application/json", authorization }, body, signal: AbortSignal.timeout(TIMEOUT_MS) }),
      ),
    );
    inFlight.push(request);
  }
  await Promise.all(inFlight);
  return inFlight.length;
}

type Sample = { at: number; pending: number; oldestSeconds: number; campaignPending: number; campaignSent: number; dbActive: number; load: number };

/** Every second: the oldest unprocessed inbound text, the campaign's recipients by status, the load average. */
async function sampleBacklog(db: Db, campaignId: string, startedAt: number, samples: Sample[]) {
  const [inbound] = await queryRows<{ pending: number; oldest: number | null }>(
    db,
    sql`select count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest from inbound_sms where processed_at is null`,
  );
  const recipients = await queryRows<{ status: string; count: number }>(db, sql`select status, count(*)::int as count from campaign_recipients where campaign_id = ${campaignId} group by 1`);
  const by = Object.fromEntries(recipients.map((row) => [row.status, Number(row.count)]));
  // The servers' connections busy in a statement or a transaction (the pool holds DATABASE_POOL_MAX each).
  const [connections] = await queryRows<{ active: number }>(
    db,
    sql`select count(*) filter (where state <> 'idle')::int as active from pg_stat_activity where datname = current_database() and application_name <> 'bench-mixed' and backend_type = 'client backend'`,
  );
  samples.push({
    at: (Date.now() - startedAt) / 1000,
    pending: inbound!.pending,
    oldestSeconds: inbound!.oldest ?? 0,
    campaignPending: (by.pending ?? 0) + (by.sending ?? 0),
    campaignSent: by.sent ?? 0,
    dbActive: connections!.active,
    load: os.loadavg()[0]!,
  });
}

/**
 * Every 200 ms: the statements the servers' connections are running (pg_stat_activity),
 * counted by what they wait for (a lock, the WAL, or nothing: running) and their first
 * words — where PostgreSQL's time goes, sampled.
 */
async function sampleStatements(db: Db, counts: Map<string, number>) {
  const rows = await queryRows<{ statement: string }>(
    db,
    sql`select coalesce(wait_event_type || ':' || wait_event, 'running') || '  ' || left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 100) as statement from pg_stat_activity
        where datname = current_database() and state = 'active' and application_name <> 'bench-mixed' and backend_type = 'client backend'`,
  );
  for (const { statement } of rows) counts.set(statement, (counts.get(statement) ?? 0) + 1);
}

/**
 * The automation sweep's duration, from the sweep heartbeats (sweep_runs): the sweeps run in
 * order, so the time between the one before it being recorded and it being recorded (seen
 * at a 200 ms poll).
 */
function watchSweeps(db: Db, until: () => boolean) {
  const seen = new Map<string, string>();
  const recordedAt = new Map<string, number>();
  const durations: number[] = [];
  const loop = (async () => {
    while (!until()) {
      const rows = await queryRows<{ name: string; last_run_at: string; last_result: unknown }>(
        db,
        sql`select name, last_run_at::text, last_result from sweep_runs where name in ('resume-imports', 'run-due-automations')`,
      ).catch(() => []);
      const now = performance.now();
      for (const row of rows) {
        if (seen.get(row.name) === row.last_run_at) continue;
        const first = !seen.has(row.name);
        seen.set(row.name, row.last_run_at);
        recordedAt.set(row.name, now);
        if (first || row.name !== "run-due-automations") continue;
        const previous = recordedAt.get("resume-imports");
        if (previous !== undefined) durations.push(now - previous);
      }
      await sleep(200);
    }
  })();
  return { loop, durations };
}

function withApplicationName(url: string) {
  const parsed = new URL(url);
  parsed.searchParams.set("application_name", "bench-mixed");
  return parsed.toString();
}

function parseEnvList(list: Record<string, string>) {
  return Object.entries(list).map(([k, v]) => `${k}=${v}`).join(" ") || "(none)";
}

/**
 * Ends the sessions still working on the bench's own database: a stopped server's queries
 * (an automation sweep, a campaign) go on in PostgreSQL and would load the next run.
 */
async function endLeftoverQueries(db: Db) {
  if (process.env.BENCH_DATABASE_URL) return; // someone else's database: leave its sessions alone
  await db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and application_name <> 'bench-mixed'`);
}

async function main() {
  const url = await databaseUrl();
  const { db, close } = await openPostgres(withApplicationName(url), { max: 6 });
  await endLeftoverQueries(db);
  const servers: NextServer[] = [];
  try {
    const companyId = await findBenchCompany(db);
    const added = await topUpCustomers(db, companyId, CUSTOMERS);
    if (added > 0) console.log(`Added ${added.toLocaleString("en")} customers`);
    const agents = await ensureAgents(db, companyId);
    const automationIds = await setUpAutomations(db, companyId);
    // Customers with an open conversation who can text in (not a number that cannot, whose texts notify every user).
    const mobiles = (await textableSenders(db, companyId, 5000)).map((r) => r.mobile);
    const fallbackConversations = (await queryRows<{ id: string }>(db, sql`select id from conversations where company_id = ${companyId} order by random() limit 500`)).map((r) => r.id);
    const actionId = sendReplyActionId();

    const common = { DATABASE_URL: url, CAMPAIGN_TEXTS_PER_SECOND: String(TEXTS_PER_SECOND), DATABASE_POOL_MAX: "20" };
    const webEnv = { ...common, ...envFlags("web-env") };
    const workerEnv = { ...common, ...envFlags("worker-env") };
    for (let i = 0; i < WEB; i++) servers.push(await startNextServer(webEnv, { quiet: !VERBOSE }));
    if (WORKER) servers.push(await startNextServer(workerEnv, { quiet: !VERBOSE }));
    const bases = servers.slice(0, WEB).map((server) => server.url);

    const cookies: string[] = [];
    for (const [i, email] of agents.entries()) cookies.push(await signIn(bases[i % bases.length]!, email));
    // The campaign starts with the load: the server's campaign sweep plans and sends it.
    const campaignId = await setUpCampaign(db, companyId);

    console.log(
      `Mixed load on PostgreSQL, ${SECONDS} s: ${STAFF} staff (think ~${THINK_MS} ms), inbound ${INBOUND_RATE} msg/s, ${automationIds.length} real-time automations (every minute) over ${CUSTOMERS.toLocaleString("en")} customers, a ${RECIPIENTS.toLocaleString("en")}-recipient campaign (throttle ${TEXTS_PER_SECOND || "off"} texts/s)`,
    );
    console.log(`  instances: ${WEB} web (env ${parseEnvList(envFlags("web-env"))})${WORKER ? `, 1 worker (env ${parseEnvList(envFlags("worker-env"))})` : ", background work in the web instance"}; pages as ${HTML ? "HTML documents" : "RSC payloads (a click in the app)"}; reply = sendReply server action`);
    console.log(`  load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

    const cpuOf = () => {
      const usage = process.cpuUsage();
      return { servers: servers.map((server) => processTreeCpuSeconds(server.process.pid!)), bench: (usage.user + usage.system) / 1e6, machine: machineBusyCpuSeconds() };
    };
    const cpuBefore = cpuOf();
    const startedAt = Date.now();
    const until = startedAt + SECONDS * 1000;
    const samples: Sample[] = [];
    const sampler = setInterval(() => void sampleBacklog(db, campaignId, startedAt, samples).catch(() => {}), 1000);
    const statements = new Map<string, number>();
    const statementSampler = setInterval(() => void sampleStatements(db, statements).catch(() => {}), 200);
    let stopped = false;
    const sweeps = watchSweeps(db, () => stopped);
    const rscKey = HTML ? null : await rscKeyOf(bases[0]!, cookies[0]!);
    const [sentInbound] = await Promise.all([inboundLoop(bases, mobiles, until), ...cookies.map((cookie, i) => staffLoop(bases[i % bases.length]!, cookie, actionId, fallbackConversations, until, i + 1, rscKey))]);
    const endedAt = Date.now();
    const cpuAfter = cpuOf();
    clearInterval(statementSampler);
    // The backlog left when the load stops: how long until the inbound texts are all processed.
    let drainSeconds = 0;
    for (;;) {
      const [left] = await queryRows<{ pending: number }>(db, sql`select count(*)::int as pending from inbound_sms where processed_at is null`);
      if (left!.pending === 0 || Date.now() - endedAt > 60_000) break;
      await sleep(250);
    }
    drainSeconds = (Date.now() - endedAt) / 1000;
    clearInterval(sampler);
    stopped = true;
    await sweeps.loop;
    const loadAfter = os.loadavg();

    console.log(`\n  ${"action".padEnd(18)} ${"count".padStart(6)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"max".padStart(9)}  errors timeouts other refused`);
    for (const [action, t] of tallies) {
      const { p50, p95, max } = percentiles(t.latencies);
      const f = (v: number) => `${v.toFixed(0)} ms`.padStart(9);
      console.log(`  ${action.padEnd(18)} ${String(t.latencies.length).padStart(6)} ${f(p50)} ${f(p95)} ${f(max)}  ${String(t.non2xx).padStart(6)} ${String(t.timeouts).padStart(8)} ${String(t.failures).padStart(5)} ${String(t.refused).padStart(7)}${t.lastError ? `   last: ${t.lastError}` : ""}`);
    }
    const staffActions: Action[] = ["inbox list", "open conversation", "reply", "search"];
    const staffP95 = Math.max(...staffActions.map((a) => percentiles(tallies.get(a)?.latencies ?? []).p95));
    const errors = [...tallies.values()].reduce((sum, t) => sum + t.non2xx + t.timeouts + t.failures, 0);
    const maxBacklog = Math.max(0, ...samples.map((sample) => sample.oldestSeconds));

    console.log(`\n  inbound backlog (oldest unprocessed text, pending rows), campaign recipients left / sent, busy server connections (max), load average — per 5 s:`);
    for (let from = 0; from < SECONDS; from += 5) {
      const window = samples.filter((sample) => sample.at >= from && sample.at < from + 5);
      if (window.length === 0) continue;
      const last = window[window.length - 1]!;
      console.log(
        `    ${String(from).padStart(3)}–${String(from + 5).padEnd(3)} s  backlog max ${Math.max(...window.map((w) => w.oldestSeconds)).toFixed(1).padStart(5)} s, ${String(Math.max(...window.map((w) => w.pending))).padStart(5)} rows   campaign ${String(last.campaignPending).padStart(6)} left, ${String(last.campaignSent).padStart(6)} sent   db busy ${String(Math.max(...window.map((w) => w.dbActive))).padStart(3)}   load ${last.load.toFixed(2)}`,
      );
    }
    const [campaign] = await db.select({ status: s.campaigns.status }).from(s.campaigns).where(sql`id = ${campaignId}`);
    const [recipients] = await queryRows<{ sent: number; total: number }>(db, sql`select count(*) filter (where status = 'sent')::int as sent, count(*)::int as total from campaign_recipients where campaign_id = ${campaignId}`);
    const [runs] = await queryRows<{ sweeps: number; runs: number; matched: number; sent: number }>(
      db,
      sql`select count(distinct started_at)::int as sweeps, count(*)::int as runs, coalesce(sum(matched_count), 0)::int as matched, coalesce(sum(sent_count), 0)::int as sent
          from automation_runs where automation_id = any(${`{${automationIds.join(",")}}`}::uuid[])`,
    );
    const sweepStats = percentiles(sweeps.durations);
    // A sweep's runs share its start: each run took from the previous one's end to its own.
    const runDurations = (
      await queryRows<{ ms: number }>(
        db,
        sql`select extract(epoch from finished_at - coalesce(lag(finished_at) over (partition by started_at order by finished_at), started_at))::float8 * 1000 as ms
            from automation_runs where automation_id = any(${`{${automationIds.join(",")}}`}::uuid[]) and finished_at is not null`,
      )
    ).map((row) => Number(row.ms));
    const runStats = percentiles(runDurations);
    console.log(`\n  inbound: ${sentInbound ?? 0} webhooks sent; backlog max ${maxBacklog.toFixed(1)} s; all processed ${drainSeconds.toFixed(1)} s after the load stopped`);
    console.log(`  campaign: ${recipients!.sent.toLocaleString("en")} of ${recipients!.total.toLocaleString("en")} recipients sent (${campaign!.status}) in ${SECONDS} s`);
    console.log(
      `  automations: ${runs!.sweeps} sweeps ran them (${runs!.runs} runs of ${automationIds.length}, ${runDurations.length} finished: ${runs!.matched} customers matched, ${runs!.sent} texted); one run p50 ${(runStats.p50 / 1000).toFixed(1)} s, max ${(runStats.max / 1000).toFixed(1)} s` +
        (sweeps.durations.length > 0 ? `; whole automation sweep (heartbeats) p50 ${(sweepStats.p50 / 1000).toFixed(1)} s, max ${(sweepStats.max / 1000).toFixed(1)} s` : "; no whole automation sweep finished while watched"),
    );
    console.log(`  load average after: ${loadAfter.map((l) => l.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
    // Where the machine's CPU went during the load (seconds, of cores × seconds): what a second instance would have to take.
    const spent = (after: number | null, before: number | null) => (after === null || before === null ? null : after - before);
    const perServer = servers.map((_, i) => spent(cpuAfter.servers[i]!, cpuBefore.servers[i]!));
    const benchCpu = cpuAfter.bench - cpuBefore.bench;
    const machineCpu = spent(cpuAfter.machine, cpuBefore.machine);
    if (machineCpu !== null && perServer.every((value) => value !== null)) {
      const named = perServer.map((value, i) => `${i < WEB ? `web ${i + 1}` : "worker"} ${value!.toFixed(1)} s`);
      const rest = machineCpu - perServer.reduce((sum: number, value) => sum + value!, 0) - benchCpu;
      const available = (os.cpus().length * (endedAt - startedAt)) / 1000;
      console.log(`  CPU during the load: ${named.join(", ")}, this bench ${benchCpu.toFixed(1)} s, PostgreSQL and the rest ${rest.toFixed(1)} s — ${machineCpu.toFixed(1)} s busy of ${available.toFixed(0)} s`);
    }
    const sampled = [...statements.values()].reduce((sum, n) => sum + n, 0);
    console.log(`\n  statements running in PostgreSQL, sampled every 200 ms during the load (${sampled} samples), the 10 most seen:`);
    for (const [statement, n] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`    ${((100 * n) / Math.max(1, sampled)).toFixed(0).padStart(3)}%  ${statement}`);
    console.log(`\n  goals: staff p95 ${staffP95.toFixed(0)} ms (< 300) ${staffP95 < 300 ? "met" : "MISSED"}; inbound backlog max ${maxBacklog.toFixed(1)} s (≤ 10) ${maxBacklog <= 10 ? "met" : "MISSED"}; errors ${errors} (0) ${errors === 0 ? "met" : "MISSED"}`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await endLeftoverQueries(db).catch(() => {});
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
