/**
 * Webhook fan-out: BENCH_EVENTS events (10,000) recorded as fast as the database takes
 * them, in transactions of 100, for a company with BENCH_ENDPOINTS endpoints (1) at a
 * local receiver, while BENCH_WORKERS delivery workers (2) run `deliverDueWebhooks` —
 * the same body the sweep, the Inngest function and the in-process nudge run. Prints
 * deliveries per second and the delay from an event's creation to its arrival at the
 * receiver (p50, p99, max), and checks that every event arrived, signed. Then a backlog:
 * as many events recorded with no worker running, drained by the workers (deliveries/s).
 *
 *   npm run bench:webhooks
 *
 * Uses (and recreates) the PostgreSQL database parley_bench_webhooks.
 */
import { Webhook } from "standardwebhooks";
import { BENCH_POSTGRES_SERVER, recreateDatabase } from "./config";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 1);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const DATABASE = "parley_bench_webhooks";

process.env.DATABASE_URL = `${BENCH_POSTGRES_SERVER}/${DATABASE}`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  await recreateDatabase(DATABASE);
  const { openPostgres, installDatabase, migrateDatabase } = await import("@/db/client");
  const schema = await import("@/db/schema");
  const { recordWebhookEvent } = await import("@/lib/webhooks/record");
  const { deliverDueWebhooks } = await import("@/lib/webhooks/deliver");
  const { generateWebhookSecret } = await import("@/lib/webhooks/signing");
  const { setWebhookAddressPolicy } = await import("@/lib/webhooks/ssrf");
  const { startWebhookReceiver } = await import("@/tests/fakes/webhook-receiver");
  const { db, close } = await openPostgres(process.env.DATABASE_URL!, { max: 20 });
  await migrateDatabase(db, "pg");
  installDatabase(db, "pg", close);
  setWebhookAddressPolicy(true);

  const receiver = await startWebhookReceiver({ quiet: true });
  const [company] = await db.insert(schema.companies).values({ name: "Bench garage" }).returning();
  const endpoints = await db
    .insert(schema.webhookEndpoints)
    .values(Array.from({ length: ENDPOINTS }, () => ({ companyId: company!.id, url: receiver.url, eventTypes: ["message.received"], secret: generateWebhookSecret() })))
    .returning();
  const expected = EVENTS * ENDPOINTS;

  let recording = true;
  const started = performance.now();
  const workers = Array.from({ length: WORKERS }, async () => {
    // A worker finding nothing due waits a moment, as a nudge or the sweep would bring it back.
    while (recording || receiver.received.length < expected) {
      const counts = await deliverDueWebhooks(db, undefined, { allowPrivate: true, concurrency: 16, batchSize: 100 });
      if (!counts.succeeded && !counts.failed) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  for (let recorded = 0; recorded < EVENTS; recorded += 100) {
    await db.transaction(async (tx) => {
      for (let i = recorded; i < Math.min(EVENTS, recorded + 100); i++) {
        await recordWebhookEvent(tx, { companyId: company!.id, type: "message.received", payload: { message: { id: `m${i}`, body: `Bonjour ${i}` } } });
      }
    });
  }
  const recordedIn = performance.now() - started;
  recording = false;
  await Promise.all(workers);
  const seconds = (performance.now() - started) / 1000;

  const delays = receiver.received.map((request) => request.at - new Date((JSON.parse(request.body) as { created_at: string }).created_at).getTime()).sort((a, b) => a - b);
  const ids = new Set(receiver.received.map((request) => `${request.headers["webhook-id"]}`));
  const verifier = new Webhook(endpoints[0]!.secret);
  const sample = receiver.received.find((request) => request.body.length > 0)!;
  verifier.verify(sample.body, sample.headers);
  console.log(`events recorded: ${EVENTS} in ${(recordedIn / 1000).toFixed(1)} s; endpoints: ${ENDPOINTS}; workers: ${WORKERS}`);
  console.log(`deliveries: ${receiver.received.length} of ${expected} (${ids.size} distinct events) in ${seconds.toFixed(1)} s = ${Math.round(receiver.received.length / seconds)} deliveries/s`);
  console.log(`event → delivery delay: p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms, max ${delays.at(-1)} ms`);

  // Backlog: the same number of events recorded while no worker runs (an outage), then drained.
  receiver.reset();
  for (let recorded = 0; recorded < EVENTS; recorded += 100) {
    await db.transaction(async (tx) => {
      for (let i = recorded; i < Math.min(EVENTS, recorded + 100); i++) {
        await recordWebhookEvent(tx, { companyId: company!.id, type: "message.received", payload: { message: { id: `b${i}`, body: `Bonjour ${i}` } } });
      }
    });
  }
  const drainStarted = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (receiver.received.length < expected) {
        const counts = await deliverDueWebhooks(db, undefined, { allowPrivate: true, concurrency: 16, batchSize: 100 });
        if (!counts.succeeded && !counts.failed) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  console.log(`backlog of ${expected} deliveries drained in ${drainSeconds.toFixed(1)} s = ${Math.round(receiver.received.length / drainSeconds)} deliveries/s`);
  await receiver.close();
  await close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
