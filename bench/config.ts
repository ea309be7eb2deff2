import { Client } from "pg";

export const BENCH_SENDER = "+15145550999";

/** The server part of a connection URL, credentials kept: no database, no query. */
function serverOf(url: string) {
  const parsed = new URL(url);
  parsed.pathname = "";
  parsed.search = "";
  return parsed.toString().replace(/\/$/, "");
}

/** The PostgreSQL server the benches make their own databases on: BENCH_POSTGRES_SERVER, else TEST_DATABASE_URL's server. */
export const BENCH_POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_SERVER ?? (process.env.TEST_DATABASE_URL ? serverOf(process.env.TEST_DATABASE_URL) : "postgres://postgres@127.0.0.1:5432");

export type RecreateOptions = {
  /** The server to make it on (default BENCH_POSTGRES_SERVER). */
  baseUrl?: string;
  /** Database-level settings, e.g. `{ synchronous_commit: "off" }` (commits do not wait for the WAL flush). */
  settings?: Record<string, string>;
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Drops and creates a bench's own database, ending whatever is still connected to it; returns its URL. */
export async function recreateDatabase(database: string, { baseUrl = BENCH_POSTGRES_SERVER, settings = {} }: RecreateOptions = {}) {
  if (!IDENTIFIER.test(database)) throw new Error(`not a plain database name: ${database}`);
  const server = serverOf(baseUrl);
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database]);
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    for (const [name, value] of Object.entries(settings)) {
      if (!IDENTIFIER.test(name)) throw new Error(`not a setting name: ${name}`);
      await admin.query(`alter database ${database} set ${name} = ${admin.escapeLiteral(value)}`);
    }
  } finally {
    await admin.end();
  }
  return `${server}/${database}`;
}

/** A --postgres bench's database: BENCH_DATABASE_URL as is, else its own database recreated on the bench server. */
export async function benchDatabaseUrl(database: string, options: RecreateOptions = {}) {
  return process.env.BENCH_DATABASE_URL ?? recreateDatabase(database, options);
}
