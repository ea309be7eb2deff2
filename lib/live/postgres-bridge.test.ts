import { Client } from "pg";
import { testDatabaseUrl } from "@/tests/template";
import { publish, subscribe, type LiveEvent } from "./bus";
import { LISTENER_APPLICATION_NAME, liveBridgeStatus, startPostgresBridge } from "./postgres-bridge";

const url = testDatabaseUrl();

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The bridge exists only on PostgreSQL; PGlite is one process's database, whose events
// stay in the process.
if (!url) {
  describe("live updates in embedded mode", () => {
    it("deliver within the process, and health says so", async () => {
      const companyId = "00000000-0000-4000-8000-0000000000ab";
      const received: LiveEvent[] = [];
      const unsubscribe = subscribe(companyId, (event) => received.push(event));
      publish(companyId, { type: "conversation.updated", conversationId: "here" });
      publish("00000000-0000-4000-8000-0000000000ac", { type: "conversation.updated", conversationId: "elsewhere" });
      await until(() => received.length === 1);
      expect(received).toEqual([{ type: "conversation.updated", conversationId: "here" }]);
      expect(liveBridgeStatus()).toEqual({ mode: "in-process", connected: true, reconnects: 0 });
      unsubscribe();
    });
  });
} else describe("live updates between processes (LISTEN/NOTIFY)", () => {
  let admin: Client;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    admin = new Client({ connectionString: url!.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    await stop?.();
    await admin.end();
  });

  const notifyFromAnotherProcess = (companyId: string, event: LiveEvent) =>
    admin.query("select pg_notify('parley_live', $1)", [JSON.stringify({ origin: "another-process", events: [{ companyId, event }] })]);

  it("keeps delivering after the listening connection is killed on the server, and says so in its status", async () => {
    ({ stop } = await startPostgresBridge(url!.toString(), { firstRetryMs: 50, maxRetryMs: 200 }));
    expect(liveBridgeStatus()).toMatchObject({ mode: "postgres", connected: true });
    const companyId = "00000000-0000-4000-8000-0000000000aa";
    const received: LiveEvent[] = [];
    const unsubscribe = subscribe(companyId, (event) => received.push(event));

    await notifyFromAnotherProcess(companyId, { type: "conversation.updated", conversationId: "before" });
    await until(() => received.length === 1);

    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()", [LISTENER_APPLICATION_NAME]);
    await until(() => !liveBridgeStatus().connected);
    await until(() => liveBridgeStatus().connected);
    expect(liveBridgeStatus().reconnects).toBeGreaterThanOrEqual(1);

    await notifyFromAnotherProcess(companyId, { type: "conversation.updated", conversationId: "after" });
    await until(() => received.length === 2);
    expect(received.map((event) => (event as { conversationId: string }).conversationId)).toEqual(["before", "after"]);
    unsubscribe();
  });
});
