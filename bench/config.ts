import { Client } from "pg";

export const BENCH_SENDER = "+15145550999";

/** The PostgreSQL server the benches make their own databases on. */
export const BENCH_POSTGRES_SERVER = process.env.BENCH_POSTGRES_SERVER ?? "postgres://postgres@127.0.0.1:5432";

/** Drops and creates a bench's own database, ending whatever is still connected to it. */
export async function recreateDatabase(database: string) {
  const admin = new Client({ connectionString: `${BENCH_POSTGRES_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database]);
  await admin.query(`drop database if exists ${database}`);
  await admin.query(`create database ${database}`);
  await admin.end();
}
