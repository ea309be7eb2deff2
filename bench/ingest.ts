/**
 * Inbound webhook ingest against `next start`: signed Messages API webhooks posted at
 * 32 concurrent requests, next to the raw single-row INSERT rate of the same rows
 * through the same driver in the same run. Needs `npm run build` and bench/generate.ts.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench npx tsx bench/ingest.ts
 *
 * Goal on Postgres: ≥ 1,000 msg/s, ≥ 50% of the raw INSERT rate, p99 < 50 ms.
 */
import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { BENCH_SENDER } from "./config";
import { signedInboundWebhook, startNextServer } from "./server";
import { ms, percentiles } from "./stats";

const TOTAL = Number(process.env.BENCH_MESSAGES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) throw new Error("Set DATABASE_URL to the benchmark PostgreSQL database.");

async function runConcurrently<T>(items: T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function main() {
  const pool = new Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const { rows: numbers } = await pool.query<{ mobile: string }>(
    `select mobile from customers where company_id = (select id from companies where sender_number = $1) order by random() limit $2`,
    [BENCH_SENDER, TOTAL],
  );
  if (numbers.length === 0) throw new Error("Run bench/generate.ts first.");

  const server = await startNextServer({ SWEEP_INTERVAL_SECONDS: "60" });
  const url = `${server.url}/api/webhooks/vonage/inbound`;
  try {
    // Sign everything before the clock starts: we measure the app, not the client.
    const requests = await Promise.all(
      Array.from({ length: TOTAL }, (_, i) => signedInboundWebhook({ from: numbers[i % numbers.length]!.mobile, to: BENCH_SENDER, text: `Bonjour, message de test numéro ${i}` })),
    );
    // Warm the route (first compile of the handler, connection pool).
    for (const request of requests.slice(0, 50)) await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: request.authorization }, body: request.body });

    const measured = requests.slice(50);
    const latencies: number[] = [];
    let failures = 0;
    const started = performance.now();
    await runConcurrently(measured, async (request) => {
      const t = performance.now();
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: request.authorization }, body: request.body });
      await response.arrayBuffer();
      if (!response.ok) failures++;
      latencies.push(performance.now() - t);
    });
    const seconds = (performance.now() - started) / 1000;
    const ingestRate = measured.length / seconds;
    const latency = percentiles(latencies);
    // Webhooks answer once the message is stored; it reaches its conversation right after.
    for (;;) {
      const { rows } = await pool.query<{ pending: number }>(`select count(*)::int as pending from inbound_sms where processed_at is null`);
      if (rows[0]!.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const allProcessed = (performance.now() - started) / 1000;

    // The same rows, one INSERT each, through the same driver and concurrency.
    const { rows: targets } = await pool.query<{ id: string; customer_id: string; company_id: string }>(
      `select id, customer_id, company_id from conversations where company_id = (select id from companies where sender_number = $1) limit $2`,
      [BENCH_SENDER, measured.length],
    );
    const rawStarted = performance.now();
    await runConcurrently(
      targets.map((target, i) => ({ target, i })),
      async ({ target, i }) => {
        await pool.query(
          `insert into messages (company_id, conversation_id, customer_id, direction, body, source_kind, status, provider, provider_message_id)
           values ($1, $2, $3, 'inbound', $4, 'customer', 'received', 'vonage', $5)`,
          [target.company_id, target.id, target.customer_id, `Bonjour, message de test numéro ${i}`, `raw-${randomUUID()}`],
        );
      },
    );
    const rawRate = targets.length / ((performance.now() - rawStarted) / 1000);

    console.log(`Inbound webhook ingest on PostgreSQL, ${measured.length} messages, ${CONCURRENCY} concurrent requests`);
    console.log(`  webhook ingest      ${ingestRate.toFixed(0).padStart(6)} msg/s   p50 ${ms(latency.p50)}   p99 ${ms(latency.p99)}   failures ${failures}`);
    console.log(`  in conversations    ${(measured.length / allProcessed).toFixed(0).padStart(6)} msg/s   (all ${measured.length} processed ${allProcessed.toFixed(1)} s after the first webhook)`);
    console.log(`  raw single INSERT   ${rawRate.toFixed(0).padStart(6)} rows/s`);
    console.log(`  ingest / raw        ${((ingestRate / rawRate) * 100).toFixed(0).padStart(6)} %`);
  } finally {
    await server.stop();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
