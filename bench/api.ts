/**
 * Integration API throughput (IMPL-2): BENCH_ROWS customers (default 100k) upserted through
 * `POST /api/v1/customers/batch` in batches of 1,000 over real HTTP (a node server in front
 * of the route handler: key check, rate limit, zod validation, the import's upsert), with
 * BENCH_CONCURRENCY requests in flight (default 4). A second pass sends the same customers
 * again (the update path). PostgreSQL: DATABASE_URL, default a parley_bench_api database on
 * 127.0.0.1 (created if missing).
 *
 *   npm run bench:api
 *   BENCH_ROWS=20000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench npm run bench:api
 *
 * Goal: at least 5,000 rows/s.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { installDatabase, migrateDatabase, openPostgres, queryRows, type Db } from "@/db/client";
import { companies } from "@/db/schema";
import { createApiKey } from "@/lib/api/keys";
import { batchUpsertCustomers } from "@/lib/api/resources";
import { apiSettings } from "@/lib/api/route";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/parley_bench_api";

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
  if (!rowCount) await client.query(`create database "${name.replace(/"/g, "")}"`);
  await client.end();
}

/** Node's http in front of the Web-standard route handler, as Next would put it. */
function serve() {
  const server = createServer(async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost${incoming.url}`, { method: incoming.method, headers: incoming.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const response = await batchUpsertCustomers(request, { params: Promise.resolve({}) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/customers/batch`, close: () => new Promise((done) => server.close(() => done())) })),
  );
}

function batchBody(start: number) {
  const customers = [];
  for (let i = start; i < Math.min(start + BATCH, ROWS); i++) {
    customers.push({ external_id: `API-${i}`, first_name: `Client${i}`, last_name: `Famille${i % 997}`, mobile: `+1 438 ${String(200 + Math.floor(i / 10_000)).padStart(3, "0")} ${String(i % 10_000).padStart(4, "0")}`, email: `client${i}@example.com`, language: i % 3 ? "fr" : "en" });
  }
  return JSON.stringify({ customers });
}

async function pass(url: string, key: string) {
  const starts = Array.from({ length: Math.ceil(ROWS / BATCH) }, (_, index) => index * BATCH);
  let created = 0;
  let updated = 0;
  const latencies: number[] = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let start = starts.shift(); start !== undefined; start = starts.shift()) {
        const sent = performance.now();
        const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: batchBody(start) });
        const body = (await response.json()) as { created: number; updated: number };
        if (response.status !== 200) throw new Error(`batch at ${start}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
        latencies.push(performance.now() - sent);
        created += body.created;
        updated += body.updated;
      }
    }),
  );
  const ms = performance.now() - began;
  latencies.sort((a, b) => a - b);
  return { ms, created, updated, p50: latencies[Math.floor(latencies.length / 2)]!, p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]! };
}

/**
 * CPU seconds this process and its PostgreSQL backends spent (when the server runs on this
 * machine): on a shared machine rows/s follow the load, CPU per row does not.
 */
async function cpuSeconds(db: Db) {
  const backends = await queryRows<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database()`);
  let ticks: number | null = 0;
  for (const { pid } of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (clock ticks, 100 a second)
    } catch {
      ticks = null;
      break;
    }
  }
  const usage = process.cpuUsage();
  return { node: (usage.user + usage.system) / 1e6, postgres: ticks === null ? null : ticks / 100 };
}

async function main() {
  await ensureDatabase(URL_);
  const { db, close } = await openPostgres(URL_, { max: CONCURRENCY + 2 });
  await migrateDatabase(db, "pg");
  installDatabase(db, "pg", close);
  apiSettings.rateLimit = () => 1_000_000;
  const [company] = await db.insert(companies).values({ name: `Bench API ${Date.now()}` }).returning();
  const { key } = await createApiKey(db, { companyId: company!.id, name: "bench", scopes: ["write"], createdByUserId: null });
  const server = await serve();
  try {
    console.log(`${ROWS.toLocaleString("en")} customers in batches of ${BATCH}, ${CONCURRENCY} requests in flight, PostgreSQL, over HTTP`);
    for (const label of ["create", "update"]) {
      const before = await cpuSeconds(db);
      const result = await pass(server.url, key);
      const after = await cpuSeconds(db);
      const cpu = `CPU ${(after.node - before.node).toFixed(1)} s Node${after.postgres === null ? "" : `, ${(after.postgres - before.postgres!).toFixed(1)} s PostgreSQL`}`;
      console.log(
        `  ${label.padEnd(6)} ${result.ms.toFixed(0).padStart(7)} ms  ${((ROWS / result.ms) * 1000).toFixed(0).padStart(7)} rows/s   created ${result.created}, updated ${result.updated}; per batch p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms; ${cpu}`,
      );
    }
  } finally {
    await server.close();
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
