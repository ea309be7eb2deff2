/**
 * Webhook chaos: N signed inbound webhooks (Messages API, and legacy SMS API multipart
 * texts), 20% delivered twice, in shuffled order, through the real route handler and the
 * in-process background pipeline on PostgreSQL, while a side connection kills the app's
 * database connections (pg_terminate_backend) every few hundred milliseconds. A webhook
 * answered with a 5xx is delivered again, as Vonage does. Once every text is acknowledged
 * the chaos stops and the sweeps catch up; then it counts.
 *
 *   npm run bench:webhook-chaos          (BENCH_MESSAGES=2000, BENCH_KILL_EVERY_MS=250)
 *
 * Must print 0 lost and 0 duplicated. Uses (and recreates) the database parley_chaos.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { BENCH_POSTGRES_SERVER, recreateDatabase } from "./config";

const TOTAL = Number(process.env.BENCH_MESSAGES ?? 2000);
const MULTIPART_SHARE = 0.1;
const DUPLICATE_SHARE = 0.2;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const KILL_EVERY_MS = Number(process.env.BENCH_KILL_EVERY_MS ?? 250);
const DATABASE = "parley_chaos";
const SECRET = "chaos-signature-secret-0123456789abcdef";
const SENDER = "+15145550777";

process.env.DATABASE_URL = `${BENCH_POSTGRES_SERVER}/${DATABASE}`;
process.env.VONAGE_SIGNATURE_SECRET = SECRET;
process.env.DATABASE_POOL_MAX = String(CONCURRENCY);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function shuffle<T>(items: T[]) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

type Delivery = { key: string; build: () => Promise<Request> };

async function main() {
  await recreateDatabase(DATABASE);
  const { openPostgres, installDatabase, migrateDatabase, queryRows } = await import("@/db/client");
  const schema = await import("@/db/schema");
  const { handleInboundWebhook } = await import("@/lib/messaging/webhooks/vonage");
  const { signMessagesWebhook } = await import("@/lib/messaging/webhooks/vonage-signature");
  const { signLegacyParams } = await import("@/tests/fakes/vonage");
  const { drainSettled } = await import("@/lib/background/drain");
  const { processPendingInbound } = await import("@/lib/messaging/inbound/queue");
  const { flushIncompleteParts, PART_TIMEOUT_MS } = await import("@/lib/messaging/inbound/parts");

  const { db, pool, close } = await openPostgres(process.env.DATABASE_URL!, { max: CONCURRENCY });
  const progress = setInterval(() => {
    if (process.env.BENCH_DEBUG) process.stdout.write(`  … pool ${pool.totalCount} open, ${pool.idleCount} idle, ${pool.waitingCount} waiting\n`);
  }, 5000);
  progress.unref();
  await migrateDatabase(db, "pg");
  installDatabase(db, "pg", close);
  const [company] = await db.insert(schema.companies).values({ name: "Garage Chaos", senderNumber: SENDER }).returning();
  // A few hundred senders: some known with an open conversation, the rest new numbers.
  const senders = Array.from({ length: 300 }, (_, i) => `+1438777${String(i).padStart(4, "0")}`);
  const known = await db
    .insert(schema.customers)
    .values(senders.slice(0, 150).map((mobile) => ({ companyId: company!.id, mobile, firstName: "Client", lastName: mobile.slice(-4), searchText: mobile })))
    .returning();
  await db.insert(schema.conversations).values(known.map((customer) => ({ companyId: company!.id, customerId: customer.id })));

  // Every text has a unique body, so stored copies can be counted.
  const expected: string[] = [];
  const deliveries: Delivery[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const from = senders[i % senders.length]!;
    const text = `chaos ${i} ${randomUUID().slice(0, 8)}`;
    expected.push(text);
    if (Math.random() < MULTIPART_SHARE) {
      const halves = [text.slice(0, 7), text.slice(7)];
      const reference = String(i % 256);
      halves.forEach((part, index) => {
        const messageId = `LEG-${i}-${index}`;
        deliveries.push({
          key: messageId,
          build: async () => {
            const params = signLegacyParams(
              { msisdn: from.slice(1), to: SENDER.slice(1), messageId, text: part, type: "text", concat: "true", "concat-ref": reference, "concat-total": "2", "concat-part": String(index + 1) },
              SECRET,
            );
            return new Request("http://chaos/api/webhooks/vonage/inbound", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() });
          },
        });
      });
    } else {
      const body = JSON.stringify({ channel: "sms", message_type: "text", message_uuid: randomUUID(), to: SENDER.slice(1), from: from.slice(1), text, timestamp: new Date().toISOString() });
      deliveries.push({
        key: body,
        build: async () => new Request("http://chaos/api/webhooks/vonage/inbound", { method: "POST", headers: { "content-type": "application/json", authorization: await signMessagesWebhook(body, SECRET) }, body }),
      });
    }
  }
  const duplicates = deliveries.filter(() => Math.random() < DUPLICATE_SHARE);
  const schedule = shuffle([...deliveries, ...duplicates]);

  // The chaos: a side connection kills every other connection to the database, again and again.
  const killer = new Client({ connectionString: process.env.DATABASE_URL });
  await killer.connect();
  let killing = true;
  let killed = 0;
  const chaos = (async () => {
    while (killing) {
      await sleep(KILL_EVERY_MS * (0.5 + Math.random()));
      const { rows } = await killer.query<{ n: number }>(
        `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t`,
        [DATABASE],
      );
      killed += rows[0]!.n;
    }
  })();

  const acknowledged = new Set<string>();
  const answers: Record<string, number> = {};
  const consoleError = console.error;
  let logged = 0;
  console.error = () => void logged++;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < schedule.length) {
        const delivery = schedule[next++]!;
        // Redelivered until acknowledged, as Vonage retries a 5xx.
        for (let attempt = 1; ; attempt++) {
          const response = await handleInboundWebhook(await delivery.build()).catch(() => new Response(null, { status: 599 }));
          answers[response.status] = (answers[response.status] ?? 0) + 1;
          if (response.status === 200) {
            acknowledged.add(delivery.key);
            break;
          }
          if (response.status < 500 || attempt > 200) break;
          await sleep(20 * Math.min(attempt, 10));
        }
      }
    }),
  );
  const ingestSeconds = (performance.now() - started) / 1000;
  killing = false;
  await chaos;
  await killer.end();

  // The sweeps' work, as their timer would do it: unprocessed rows, and (none expected) part sets that timed out.
  await drainSettled();
  for (let pass = 0; pass < 100; pass++) {
    await flushIncompleteParts(db, new Date(Date.now() + PART_TIMEOUT_MS + 60_000));
    await processPendingInbound(db);
    await drainSettled();
    const [{ pending }] = (await queryRows<{ pending: number }>(db, sql`select count(*)::int as pending from inbound_sms where processed_at is null`)) as [{ pending: number }];
    if (pending === 0) break;
    await sleep(11_000);
  }
  console.error = consoleError;

  const stored = await queryRows<{ body: string; copies: number }>(db, sql`select body, count(*)::int as copies from messages where direction = 'inbound' group by body`);
  const copies = new Map(stored.map((row) => [row.body, row.copies]));
  const lost = expected.filter((text) => !copies.has(text)).length;
  const duplicated = [...copies.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const incomplete = stored.filter((row) => row.body.includes("[…]")).length;

  console.log(`Webhook chaos on PostgreSQL: ${TOTAL} texts (${deliveries.length - TOTAL} of them extra parts of multipart texts), ${schedule.length} deliveries (${duplicates.length} duplicates), shuffled, ${CONCURRENCY} concurrent`);
  console.log(`  connections killed   ${killed} (every ~${KILL_EVERY_MS} ms during ${ingestSeconds.toFixed(1)} s of deliveries)`);
  console.log(`  answers              ${Object.entries(answers).map(([status, count]) => `${status}: ${count}`).join(", ")}   (errors logged: ${logged})`);
  console.log(`  acknowledged         ${acknowledged.size} of ${deliveries.length} distinct deliveries`);
  console.log(`  stored               ${stored.length} texts (${incomplete} marked incomplete)`);
  console.log(`  lost                 ${lost}`);
  console.log(`  duplicated           ${duplicated}`);
  await close();
  if (lost || duplicated) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
