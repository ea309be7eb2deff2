/**
 * Inbound webhooks against `next start`, with every processing step the product has switched
 * on: an active automation with a keyword reply (some senders answer one of its texts with
 * "OUI"), and a webhook endpoint subscribed to message.received at a local sink. For a
 * 30-second burst of signed Messages API webhooks at 32 concurrent requests it prints, in
 * one run: the bare-route ceiling (GET /api/health, same concurrency), the ingest rate and
 * latency, the processed rate during the burst (inbound rows processed into conversations)
 * and the webhook deliveries that reached the sink; then a per-step timing of processing
 * (where the time goes), measured on a batch processed in this process.
 *
 * Two layouts (BENCH_LAYOUT): `split` (default) runs a web instance with BACKGROUND_WORK=off
 * and a worker instance (same build, BACKGROUND_WORK=on); `single` runs one instance that
 * answers and processes (the layout before BACKGROUND_WORK existed).
 *
 *   npm run build
 *   createdb -T parley_bench parley_bench_inbound   # it writes tens of thousands of messages
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench_inbound npx tsx --conditions=react-server bench/ingest.ts
 *
 * Goals: ingest ≥ 90% of the ceiling, p99 < 100 ms; processed ≥ 90% of the ingest rate.
 * The automation, its results and the webhook endpoint are removed at the end.
 */
import { randomUUID } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { loadavg } from "node:os";
import { Pool } from "pg";
import { openPostgres } from "@/db/client";
import { textableSenders } from "./bench-company";
import { BENCH_SENDER } from "./config";
import { signedInboundWebhook, startNextServer, type NextServer } from "./server";
import { ms, percentiles } from "./stats";

const BURST_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const LAYOUT = process.env.BENCH_LAYOUT === "single" ? "single" : "split";
const KEYWORD_SENDERS = 50;
const STEP_SAMPLE = Number(process.env.BENCH_STEP_SAMPLE ?? 1000);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) throw new Error("Set DATABASE_URL to a copy of the benchmark PostgreSQL database.");
if (/\/parley_bench(\?|$)/.test(databaseUrl)) throw new Error("This bench renumbers customers and writes tens of thousands of messages: run it on a copy (createdb -T parley_bench parley_bench_inbound).");

const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");


async function runFor(seconds: number, work: () => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) await work();
    }),
  );
}

/** An instance of the build: a web instance (background work off) or one that also processes. */
const startInstance = (backgroundWork: "on" | "off") =>
  startNextServer({ WEBHOOKS_ALLOW_PRIVATE: "1", CAMPAIGN_TEXTS_PER_SECOND: "0", SWEEP_INTERVAL_SECONDS: "5", BACKGROUND_WORK: backgroundWork });

async function main() {
  const pool = new Pool({ connectionString: databaseUrl, max: 8 });
  const [company] = (await pool.query<{ id: string }>(`select id from companies where sender_number = $1`, [BENCH_SENDER])).rows;
  if (!company) throw new Error("Run bench/generate.ts first.");
  // Senders: customers with an open conversation (the common case), with numbers that can text.
  const { db: senderDb, close: closeSenderDb } = await openPostgres(databaseUrl!, { max: 1 });
  const numbers = await textableSenders(senderDb, company.id, 40000).finally(closeSenderDb);
  // Every processing step switched on: a keyword-reply automation some senders answer, a webhook endpoint at a sink.
  let sunk = 0;
  const sink = createHttpServer((request, response) => {
    request.resume();
    request.on("end", () => {
      sunk++;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const sinkAddress = sink.address();
  const sinkUrl = `http://127.0.0.1:${typeof sinkAddress === "object" && sinkAddress ? sinkAddress.port : 0}/hook`;
  const marker = `bench-ingest-${randomUUID()}`;
  // Its audience is nobody (a last name no customer has): with the default one (everyone) its daily run would
  // text the whole company during the burst. The texts its keyword senders answer are the results made below.
  const [automation] = (
    await pool.query<{ id: string }>(
      `insert into automations (company_id, name, status, message_body, keyword_responses, rules, activated_at)
       values ($1, $2, 'active', 'Votre rendez-vous demain : répondez OUI pour confirmer', $3, $4, now()) returning id`,
      [
        company.id,
        marker,
        JSON.stringify([{ id: "yes", keywords: ["OUI"], reply: "Merci, c'est confirmé." }]),
        JSON.stringify({ all: [{ any: [{ category: "customer", attribute: "last_name", operator: "is", value: marker }] }] }),
      ],
    )
  ).rows;
  const keywordCustomers = numbers.slice(0, KEYWORD_SENDERS).map((n) => n.customer_id);
  await pool.query(
    `insert into automation_results (company_id, automation_id, customer_id, trigger_key, status, sent_at)
     select $1, $2, id, 'bench', 'sent', now() - interval '1 hour' from unnest($3::uuid[]) as id`,
    [company.id, automation!.id, keywordCustomers],
  );
  const [endpoint] = (
    await pool.query<{ id: string }>(
      `insert into webhook_endpoints (company_id, url, event_types, secret) values ($1, $2, '["message.received"]', $3) returning id`,
      [company.id, sinkUrl, `whsec_${Buffer.from(randomUUID()).toString("base64")}`],
    )
  ).rows;

  const instances: NextServer[] = [];
  const cleanup = async () => {
    for (const instance of instances) await instance.stop();
    await pool.query(`delete from webhook_endpoints where id = $1`, [endpoint!.id]);
    await pool.query(`delete from automations where id = $1`, [automation!.id]);
    sink.close();
  };
  try {
    let web = await startInstance(LAYOUT === "split" ? "off" : "on");
    instances.push(web);
    if (LAYOUT === "split") instances.push(await startInstance("on"));

    let sender = 0;
    const nextRequest = async () => {
      const i = sender++;
      // One text in 50 answers the automation ("OUI"), from one of the customers it texted.
      const keyword = i % 50 === 0;
      const from = (keyword ? numbers[(i / 50) % KEYWORD_SENDERS]! : numbers[KEYWORD_SENDERS + (i % (numbers.length - KEYWORD_SENDERS))]!).mobile;
      return signedInboundWebhook({ from, to: BENCH_SENDER, text: keyword ? "OUI" : `Bonjour, message de test numéro ${i}` });
    };
    const post = async (request: { body: string; authorization: string }) =>
      fetch(`${web.url}/api/webhooks/vonage/inbound`, { method: "POST", headers: { "content-type": "application/json", authorization: request.authorization }, body: request.body });
    // Warm both routes (first compile, connection pools).
    for (let i = 0; i < 50; i++) {
      await (await fetch(`${web.url}/api/health`)).arrayBuffer();
      await (await post(await nextRequest())).arrayBuffer();
    }

    // The bare-route ceiling, measured in the same run.
    let healthCount = 0;
    const healthStarted = performance.now();
    await runFor(10, async () => {
      await (await fetch(`${web.url}/api/health`)).arrayBuffer();
      healthCount++;
    });
    const ceiling = healthCount / ((performance.now() - healthStarted) / 1000);
    const loadBefore = load();

    // Requests are signed ahead (the client's CPU is not the app's).
    const signed = await Promise.all(Array.from({ length: Math.ceil(ceiling * BURST_SECONDS * 1.3) }, nextRequest));
    const startedAt = new Date();
    const sinkAtStart = sunk;
    const latencies: number[] = [];
    let failures = 0;
    let posted = 0;
    const started = performance.now();
    await runFor(BURST_SECONDS, async () => {
      const request = signed[posted++] ?? (await nextRequest());
      const t = performance.now();
      const response = await post(request);
      await response.arrayBuffer();
      if (!response.ok) failures++;
      latencies.push(performance.now() - t);
    });
    const seconds = (performance.now() - started) / 1000;
    const endedAt = new Date();
    const sinkDuringBurst = sunk - sinkAtStart;
    const loadDuring = load();
    const { rows: [counts] } = await pool.query<{ accepted: number; processed: number }>(
      `select count(*)::int as accepted, (count(*) filter (where processed_at <= $2))::int as processed from inbound_sms where created_at >= $1`,
      [startedAt, endedAt],
    );
    const ingestRate = latencies.length / seconds;
    const processedRate = counts!.processed / seconds;
    const latency = percentiles(latencies);
    for (;;) {
      const { rows } = await pool.query<{ pending: number }>(`select count(*)::int as pending from inbound_sms where processed_at is null and created_at >= $1`, [startedAt]);
      if (rows[0]!.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drained = (performance.now() - started) / 1000;
    const { rows: [replies] } = await pool.query<{ keyword: number }>(
      `select count(*)::int as keyword from automation_results where automation_id = $1 and reply_handled_at is not null`,
      [automation!.id],
    );

    console.log(`Inbound webhooks on PostgreSQL, ${LAYOUT === "split" ? "web instance (BACKGROUND_WORK=off) + worker instance" : "one instance (answers and processes)"}, ${CONCURRENCY} concurrent, ${BURST_SECONDS} s burst`);
    console.log(`  load average before ${loadBefore}, after the burst ${loadDuring}`);
    console.log(`  bare route ceiling   ${ceiling.toFixed(0).padStart(6)} req/s  (GET /api/health)`);
    console.log(`  webhook ingest       ${ingestRate.toFixed(0).padStart(6)} msg/s  = ${((ingestRate / ceiling) * 100).toFixed(0)}% of the ceiling   p50 ${ms(latency.p50)}   p99 ${ms(latency.p99)}   failures ${failures}`);
    console.log(`  processed in burst   ${processedRate.toFixed(0).padStart(6)} msg/s  = ${((counts!.processed / counts!.accepted) * 100).toFixed(0)}% of ingest (${counts!.processed} of ${counts!.accepted}); all processed ${drained.toFixed(1)} s after the burst began`);
    console.log(`  webhooks out         ${(sinkDuringBurst / seconds).toFixed(0).padStart(6)} deliveries/s during the burst (message.received at the sink), ${sunk} in all`);
    console.log(`  keyword replies      ${replies!.keyword} of the ${KEYWORD_SENDERS} customers answering the automation ("OUI", 1 text in 50) handled`);

    // Where the time goes: a batch stored by the web instance, processed here step by step.
    for (const instance of instances.splice(LAYOUT === "split" ? 1 : 0)) await instance.stop();
    if (LAYOUT === "single") {
      web = await startInstance("off");
      instances.push(web);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sample = await Promise.all(Array.from({ length: STEP_SAMPLE }, nextRequest));
    let nextSample = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let request = sample[nextSample++]; request; request = sample[nextSample++]) await (await post(request)).arrayBuffer();
    }));
    await profileSteps(databaseUrl!);
  } finally {
    await cleanup();
    await pool.end();
  }
}

async function profileSteps(url: string) {
  const { openPostgres, installDatabase } = await import("@/db/client");
  const { processPendingInbound } = await import("@/lib/messaging/inbound/queue");
  const { inboundDrainSettled } = await import("@/lib/messaging/inbound/accept");
  const { drainSettled } = await import("@/lib/background/drain");
  const { db, close } = await openPostgres(url, { max: 20 });
  installDatabase(db, "pg", close);
  const steps = new Map<string, number[]>();
  const started = performance.now();
  const { processed } = await processPendingInbound(db, {
    onStepTime: (step, took) => steps.set(step, [...(steps.get(step) ?? []), took]),
  });
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([inboundDrainSettled(), drainSettled()]);
  const label: Record<string, string> = {
    conversation: "new customer / conversation",
    message: "store (one statement)",
    compliance: "webhook event + STOP/START",
    stored: "commit",
    reply: "compliance reply",
    automation: "live event, notifications, webhook nudge, reply check",
    total: "total per message",
    grouped: "grouped: store + event + processed, per message",
    "grouped-after": "grouped, after commit: live, notify, nudge, reply check",
  };
  // One by one: each message's steps; grouped: one sample per group (its time over its messages).
  console.log(`  per-step timing, ${processed} messages processed in this process (${(processed / seconds).toFixed(0)} msg/s, 8 senders side by side), load ${load()}:`);
  for (const [step, times] of [...steps.entries()].sort((a, b) => (a[0] === "total" ? 1 : b[0] === "total" ? -1 : 0))) {
    const sum = times.reduce((a, b) => a + b, 0);
    const p = percentiles(times);
    console.log(`    ${(label[step] ?? step).padEnd(54)} n ${String(times.length).padStart(5)}${step.startsWith("grouped") ? " groups" : "       "}   mean ${ms(sum / times.length)}   p50 ${ms(p.p50)}   p99 ${ms(p.p99)}`);
  }
  await close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
