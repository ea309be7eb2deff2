/**
 * The inbox page and a conversation page as a signed-in agent sees them, against
 * `next start` of this checkout's build (run `npm run build` and bench/generate.ts first).
 * Requests each page N times one after another and prints p50/p95 of the time to the
 * full response (the HTML document, and the RSC payload a client navigation fetches),
 * its size, and the load average.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench npx tsx --conditions=react-server bench/pages.ts [--profile]
 *
 * --profile: also prints, per page, the SQL statements one request runs and their time.
 * Goal: server time p95 < 50 ms with 100k conversations.
 */
import { readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { BENCH_SENDER } from "./config";
import { startNextServer } from "./server";
import { ms, percentiles } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const AGENT = { email: process.env.BENCH_AGENT ?? "bench1@parley.test", password: "parley123" };
const PROFILE = process.argv.includes("--profile");

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) throw new Error("Set DATABASE_URL to the benchmark PostgreSQL database.");

const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

/** Cookies a response set, merged into the jar (name → value). */
function keepCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Signs in through Auth.js's credentials callback and returns the session cookies. */
async function signIn(base: string) {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: AGENT.email, password: AGENT.password, callbackUrl: `${base}/conversations` }),
    redirect: "manual",
  });
  keepCookies(jar, response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in as ${AGENT.email} failed (${response.status})`);
  return cookieHeader(jar);
}

type Kind = "html" | "rsc";

/** A full RSC payload (what a navigation from another page fetches): Next wants its `_rsc` cache-busting parameter, given by a redirect. */
async function rscUrl(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie, rsc: "1" }, redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  return response.status === 307 && location ? new URL(location, url).toString() : url;
}

async function request(url: string, cookie: string, kind: Kind) {
  const headers: Record<string, string> = kind === "rsc" ? { cookie, rsc: "1" } : { cookie };
  const start = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  const body = await response.arrayBuffer();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`${url} (${kind}): HTTP ${response.status}`);
  return { elapsed, bytes: body.byteLength };
}

function readProfile(file: string) {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { sql: string; ms: number });
  } catch {
    return [];
  }
}

async function main() {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const { rows: [company] } = await pool.query<{ id: string }>(`select id from companies where sender_number = $1`, [BENCH_SENDER]);
  if (!company) throw new Error("Run bench/generate.ts first.");
  const { rows: [counts] } = await pool.query<{ conversations: number }>(`select count(*)::int as conversations from conversations where company_id = $1`, [company.id]);
  // The longest thread among a sample of open conversations: a conversation page's worst case.
  const { rows: [thread] } = await pool.query<{ id: string; messages: number }>(
    `select c.id, (select count(*)::int from messages m where m.company_id = c.company_id and m.conversation_id = c.id) as messages
       from (select id, company_id from conversations where company_id = $1 and status = 'open' order by last_activity_at desc limit 500) c
      order by messages desc limit 1`,
    [company.id],
  );
  await pool.end();
  if (!thread) throw new Error("The bench company has no open conversation.");

  const profileFile = path.join(tmpdir(), `parley-pages-sql-${process.pid}.jsonl`);
  rmSync(profileFile, { force: true });
  const server = await startNextServer({
    SWEEP_INTERVAL_SECONDS: "600",
    ...(PROFILE ? { SQL_PROFILE_FILE: profileFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.resolve("bench/sql-profile.mjs")}` } : {}),
  });
  const base = server.url;
  try {
    const cookie = await signIn(base);
    const pages = await Promise.all(
      [
        { label: "inbox", url: `${base}/conversations` },
        { label: `conversation (${thread.messages} messages)`, url: `${base}/conversations/${thread.id}` },
      ].map(async (page) => ({ ...page, urls: { html: page.url, rsc: await rscUrl(page.url, cookie) } })),
    );
    console.log(`Pages on PostgreSQL: ${counts!.conversations.toLocaleString()} conversations, signed in as ${AGENT.email}, ${RUNS} sequential requests each`);
    console.log(`load average before: ${load()}\n`);
    console.log("page                                  kind       p50        p95     size");
    for (const page of pages) {
      for (const kind of ["html", "rsc"] as const) {
        for (let i = 0; i < 5; i++) await request(page.urls[kind], cookie, kind); // warm-up
        const samples: number[] = [];
        let bytes = 0;
        for (let i = 0; i < RUNS; i++) {
          const result = await request(page.urls[kind], cookie, kind);
          samples.push(result.elapsed);
          bytes = result.bytes;
        }
        const { p50, p95 } = percentiles(samples);
        console.log(`  ${page.label.padEnd(36)} ${kind.padEnd(5)} ${ms(p50)} ${ms(p95)} ${(bytes / 1024).toFixed(1).padStart(6)} KB`);
      }
    }
    console.log(`\nload average after: ${load()}`);
    if (PROFILE) {
      for (const page of pages) {
        rmSync(profileFile, { force: true });
        await request(page.urls.rsc, cookie, "rsc");
        await new Promise((resolve) => setTimeout(resolve, 100));
        const statements = readProfile(profileFile);
        const total = statements.reduce((sum, s) => sum + s.ms, 0);
        console.log(`\nSQL of one ${page.label} request (rsc): ${statements.length} statements, ${total.toFixed(1)} ms summed`);
        for (const s of [...statements].sort((a, b) => b.ms - a.ms)) console.log(`  ${ms(s.ms)}  ${s.sql.slice(0, 160)}`);
      }
      rmSync(profileFile, { force: true });
    }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
