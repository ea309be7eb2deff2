import "server-only";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgDialect, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Any of our drivers' databases, or a transaction on one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseDriver = "pglite" | "pg" | "neon";

type Connection = {
  db: Db;
  driver: DatabaseDriver;
  close: () => Promise<void>;
};

type Registry = {
  connection?: Promise<Connection>;
};

// PGlite is one process's database: keep one connection per process, surviving
// dev hot reload and shared between the instrumentation and route bundles.
const registry: Registry = ((globalThis as { __parleyDatabase?: Registry }).__parleyDatabase ??=
  {});

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export async function openPglite(dataDir?: string, loadDataDir?: Blob) {
  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
  ]);
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, client, close: () => client.close() };
}

export async function openPostgres(url: string, options: { max?: number } = {}) {
  const [{ Pool }, { drizzle }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
  ]);
  const pool = new Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection dropped by the server (restart, failover) is replaced on next use;
  // without a listener the pool's "error" event would end the process.
  pool.on("error", (error) => console.error("[db] idle connection lost:", error.message));
  releaseLostConnections(pool);
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return { db, pool, close: () => pool.end() };
}

type PgPool = import("pg").Pool;
type PgClient = import("pg").PoolClient;
type ConnectCallback = (error: Error | undefined, client: PgClient | undefined, done: (release?: unknown) => void) => void;

/**
 * A connection killed while checked out (by a failover, or between two statements of a
 * transaction) goes back to the pool at once, to be replaced. Without this the process
 * crashes on the client's "error" event, and a BEGIN that fails (drizzle's transaction
 * issues it before its try/finally) never releases its client: after a few such blips
 * the pool is exhausted and every request waits forever.
 */
function releaseLostConnections(pool: PgPool) {
  const connect = pool.connect.bind(pool) as unknown as (callback: ConnectCallback) => void;
  const guarded = (callback?: ConnectCallback) => {
    const checkout = new Promise<PgClient>((resolve, reject) =>
      connect((error, client, done) => {
        if (error || !client) return callback ? callback(error, client, done) : reject(error);
        let released = false;
        const release = (reason?: unknown) => {
          if (released) return;
          released = true;
          client.removeListener("error", lost);
          done(reason);
        };
        const lost = (lostError: Error) => {
          console.error("[db] connection lost:", lostError.message);
          release(lostError);
        };
        client.on("error", lost);
        client.release = release as PgClient["release"];
        if (callback) callback(undefined, client, release);
        else resolve(client);
      }),
    );
    return callback ? undefined : checkout;
  };
  pool.connect = guarded as PgPool["connect"];
}

async function openNeon(url: string) {
  const [{ Pool, neonConfig }, { drizzle }, { default: ws }] = await Promise.all([
    import("@neondatabase/serverless"),
    import("drizzle-orm/neon-serverless"),
    import("ws"),
  ]);
  neonConfig.webSocketConstructor = ws;
  const pool = new Pool({ connectionString: url });
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return { db, close: () => pool.end() };
}

export async function migrateDatabase(db: Db, driver: DatabaseDriver) {
  const config = { migrationsFolder };
  if (driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, config);
  } else if (driver === "pg") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(db as never, config);
  } else {
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    await migrate(db as never, config);
  }
}

async function connect(): Promise<Connection> {
  const config = env();
  const driver = config.databaseDriver;
  if (driver === "pglite") {
    const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), config.PGLITE_DATA_DIR);
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.dirname(dataDir), { recursive: true });
    const { db, close } = await openPglite(dataDir);
    // The embedded database is created and kept current on first use.
    await migrateDatabase(db, driver);
    return { db, driver, close };
  }
  const url = config.DATABASE_URL!;
  const { db, close } = driver === "neon" ? await openNeon(url) : await openPostgres(url, { max: config.DATABASE_POOL_MAX });
  if (config.NODE_ENV !== "production") await migrateDatabase(db, driver);
  return { db, driver, close };
}

/** The process's database, connected (and, in embedded or dev mode, migrated) once. */
export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

export function getConnection(): Promise<Connection> {
  registry.connection ??= connect().catch((error: unknown) => {
    registry.connection = undefined;
    throw error;
  });
  return registry.connection;
}

/** Makes this process use an already open database (tests, scripts). */
export function installDatabase(db: Db, driver: DatabaseDriver, close: () => Promise<void> = async () => {}) {
  registry.connection = Promise.resolve({ db, driver, close });
}

export async function closeDatabase() {
  const connection = registry.connection;
  registry.connection = undefined;
  if (connection) await (await connection).close();
}

/** Rows of a raw `db.execute` on any driver. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

type PreparingClient = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/**
 * A hot statement as a named prepared statement on node-postgres and Neon, so Postgres
 * plans it once per connection instead of on every call; other drivers run it as usual.
 */
export async function queryPrepared<T extends Record<string, unknown>>(db: Db, name: string, query: SQL): Promise<T[]> {
  const { driver } = await getConnection().catch(() => ({ driver: "pglite" as const }));
  // A transaction's session holds its checked-out connection; the database's, the pool.
  const client = (db as unknown as { session?: { client?: PreparingClient } }).session?.client ?? (db as unknown as { $client?: PreparingClient }).$client;
  if (driver === "pglite" || !client || typeof client.query !== "function") return queryRows<T>(db, query);
  const { sql: text, params } = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
  return (await client.query({ name, text, values: params })).rows as T[];
}

export { sql };
