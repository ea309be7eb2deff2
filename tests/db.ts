import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Client } from "pg";
import { installDatabase, openPglite, openPostgres, type Db, type DatabaseDriver } from "@/db/client";
import { maintenanceUrl, PGLITE_TEMPLATE_PATH, templateName, testDatabaseUrl } from "./template";

export type TestDatabase = { db: Db; driver: DatabaseDriver; close: () => Promise<void> };

/** A fresh, migrated database of its own: PGlite in memory, or a Postgres copy of the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (!url) {
    const template = await readFile(PGLITE_TEMPLATE_PATH);
    const { db, close } = await openPglite(undefined, new Blob([template]));
    return { db, driver: "pglite", close };
  }
  const template = templateName(url);
  const name = `${template}_f_${randomBytes(5).toString("hex")}`;
  const admin = new Client({ connectionString: maintenanceUrl(url) });
  await admin.connect();
  try {
    // Two workers copying the template at once makes Postgres refuse one: retry it.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  const { db, close } = await openPostgres(copy.toString(), { max: 4 });
  return {
    db,
    driver: "pg",
    async close() {
      await close();
      const cleanup = new Client({ connectionString: maintenanceUrl(url) });
      await cleanup.connect();
      // pool.end() resolves before its connections have finished closing: wait for them
      // rather than kill them, which would surface as errors in the next test file.
      for (let attempt = 1; ; attempt++) {
        try {
          await cleanup.query(`drop database if exists "${name}"`);
          break;
        } catch (error) {
          if (!/being accessed by other users/.test(String(error))) throw error;
          if (attempt >= 50) {
            await cleanup.query(`drop database if exists "${name}" with (force)`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await cleanup.end();
    },
  };
}

/**
 * Gives the test file its own database, also installed as the process database so route
 * handlers and domain code under test use it.
 */
export function withTestDatabase(): { readonly db: Db; readonly driver: DatabaseDriver } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    installDatabase(database.db, database.driver);
  }, 60_000);
  afterAll(async () => {
    // Background work started by a route under test finishes before the database goes.
    const { drainSettled } = await import("@/lib/background/drain");
    await drainSettled();
    await database?.close();
  });
  return {
    get db() {
      if (!database) throw new Error("The test database is not ready yet (use it inside tests).");
      return database.db;
    },
    get driver() {
      return database!.driver;
    },
  };
}
