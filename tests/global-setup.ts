import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { migrateDatabase, openPglite, openPostgres } from "@/db/client";
import { maintenanceUrl, PGLITE_TEMPLATE_PATH, templateName, testDatabaseUrl } from "./template";

/**
 * Migrates one template database per run; every test file then starts from a fresh copy
 * of it (a PGlite data-dir dump, or a Postgres `CREATE DATABASE … TEMPLATE`).
 */
export default async function globalSetup() {
  const url = testDatabaseUrl();
  if (!url) {
    const { db, client, close } = await openPglite();
    await migrateDatabase(db, "pglite");
    const dump = await client.dumpDataDir("none");
    await mkdir(path.dirname(PGLITE_TEMPLATE_PATH), { recursive: true });
    await writeFile(PGLITE_TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
    await close();
    return;
  }
  const name = templateName(url);
  const admin = new Client({ connectionString: maintenanceUrl(url) });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname = $1 or datname like $2",
      [name, `${name}\\_f\\_%`],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const { db, close } = await openPostgres(url.toString(), { max: 1 });
  await migrateDatabase(db, "pg");
  await close();
}
