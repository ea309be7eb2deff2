import { readFile } from "node:fs/promises";
import { Client } from "pg";
import { SERVER_STATE, type ServerState } from "./server";

export default async function globalTeardown() {
  await (globalThis as { fakeStripe?: { close(): Promise<void> } }).fakeStripe?.close();
  await (globalThis as { fakeAnthropic?: { close(): Promise<void> } }).fakeAnthropic?.close();
  const state = JSON.parse(await readFile(SERVER_STATE, "utf8").catch(() => "{}")) as Partial<ServerState>;
  if (state.pid) {
    try {
      process.kill(-state.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (state.databaseName && state.adminUrl) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admin = new Client({ connectionString: state.adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${state.databaseName}" with (force)`);
    await admin.end();
  }
}
