import { spawn, spawnSync } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { Client } from "pg";
import { migrateDatabase, openPostgres } from "@/db/client";
import { startFakeAnthropic } from "@/tests/fakes/anthropic";
import { startFakeStripe } from "@/tests/fakes/stripe";
import { maintenanceUrl, templateName, testDatabaseUrl } from "@/tests/template";
import { E2E_DIR, SERVER_STATE, type ServerState } from "./server";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(baseUrl: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not become healthy at ${baseUrl} (see ${path.join(E2E_DIR, "server.log")})`);
}

/** A fresh Postgres database for the app when TEST_DATABASE_URL is set. */
async function freshPostgres(url: URL) {
  const name = `${templateName(url)}_e2e`;
  const admin = new Client({ connectionString: maintenanceUrl(url) });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  const { db, close } = await openPostgres(copy.toString(), { max: 1 });
  await migrateDatabase(db, "pg");
  await close();
  return { databaseUrl: copy.toString(), name };
}

/** Builds the app for production and starts it on a fresh database with the demo data. */
export default async function globalSetup() {
  await rm(E2E_DIR, { recursive: true, force: true });
  await mkdir(E2E_DIR, { recursive: true });
  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(".next/BUILD_ID")) {
    const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NODE_OPTIONS: "" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  // Lives in Jest's main process for the whole run; the teardown closes it.
  const stripe = await startFakeStripe();
  (globalThis as { fakeStripe?: { close(): Promise<void> } }).fakeStripe = stripe;
  // A stand-in for Claude: a translation answers JSON naming the target, other help echoes the text.
  const anthropic = await startFakeAnthropic();
  anthropic.answerWith((call) => {
    const target = /into ([^.(]+?)(?: \(|\.)/.exec(call.system)?.[1];
    return /JSON/.test(call.system) ? JSON.stringify({ translation: `(${target}) ${call.text}`, source_language: "fr" }) : call.text;
  });
  (globalThis as { fakeAnthropic?: { close(): Promise<void> } }).fakeAnthropic = anthropic;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    APP_URL: baseUrl,
    SEED_DEMO_DATA: "always",
    ENABLE_DEV_TOOLS: "true",
    SWEEP_INTERVAL_SECONDS: "2",
    // Webhook e2e receivers listen on 127.0.0.1.
    WEBHOOKS_ALLOW_PRIVATE: "1",
    AUTH_SECRET: "e2e-auth-secret-0123456789abcdef",
    VONAGE_SIGNATURE_SECRET: "e2e-signature-secret-0123456789abcdef",
    STRIPE_SECRET_KEY: "sk_test_e2e",
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_BASE: stripe.apiBase,
    ANTHROPIC_API_KEY: "sk-ant-e2e",
    ANTHROPIC_BASE_URL: anthropic.baseURL,
    NODE_OPTIONS: "",
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const state: Partial<ServerState> = { baseUrl, stripeApiBase: stripe.apiBase, stripeWebhookSecret: stripe.webhookSecret };
  const testUrl = testDatabaseUrl();
  if (testUrl) {
    const { databaseUrl, name } = await freshPostgres(testUrl);
    env.DATABASE_URL = databaseUrl;
    state.databaseName = name;
    state.adminUrl = maintenanceUrl(testUrl);
  } else {
    env.PGLITE_DATA_DIR = path.join(E2E_DIR, "pglite");
  }
  const log = openSync(path.join(E2E_DIR, "server.log"), "a");
  // Started directly (not through npx) so the pid we keep is the server's.
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  server.unref();
  state.pid = server.pid!;
  await writeFile(SERVER_STATE, JSON.stringify(state));
  await waitForHealth(baseUrl, 120_000);
}
