import { eq, gte } from "drizzle-orm";
import { sweepRuns, users } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createUser } from "@/tests/factories";
import { inboundDrainSettled } from "@/lib/messaging/inbound/accept";
import { inProcessSweepsRunning, runAllSweeps, startBackgroundWork, stopInProcessSweeps } from "./in-process";
import { SWEEPS, type Sweep } from "./sweeps";

const database = withTestDatabase();

afterEach(async () => {
  stopInProcessSweeps();
  await inboundDrainSettled();
});

describe("in-process sweeps (embedded mode)", () => {
  it("do the due work without an Inngest engine and record a heartbeat", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id, { awayEnabled: true, awayUntil: new Date(Date.now() - 5000) });
    await runAllSweeps();
    const [saved] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(saved!.awayEnabled).toBe(false);
    const [heartbeat] = await database.db.select().from(sweepRuns).where(eq(sweepRuns.name, "end-expired-away-modes"));
    expect(heartbeat!.lastRunAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("run side by side: a slow sweep holds back none of the others, and is not started again while it runs", async () => {
    let release = () => {};
    let starts = 0;
    const slow: Sweep = { name: "test-slow-sweep", cron: "* * * * *", run: () => (starts++, new Promise((resolve) => (release = () => resolve({})))) };
    SWEEPS.unshift(slow);
    try {
      const company = await createCompany(database.db);
      const user = await createUser(database.db, company.id, { awayEnabled: true, awayUntil: new Date(Date.now() - 5000) });
      const pass = runAllSweeps();
      // The away mode ends while the first sweep of the list is still running.
      const ended = async () => (await database.db.select().from(users).where(eq(users.id, user.id)))[0]!.awayEnabled === false;
      for (let tries = 0; tries < 100 && !(await ended()); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await ended()).toBe(true);
      await runAllSweeps();
      expect(starts).toBe(1);
      release();
      await pass;
    } finally {
      SWEEPS.splice(SWEEPS.indexOf(slow), 1);
    }
  });

  it("do not run in an instance with background work off (BACKGROUND_WORK=off): a worker instance does it", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id, { awayEnabled: true, awayUntil: new Date(Date.now() - 5000) });
    const before = new Date();
    const web = await startBackgroundWork({ runsBackgroundWork: false, backgroundEngine: "in-process", SWEEP_INTERVAL_SECONDS: 1 });
    expect(web.started).toBe(false);
    expect(inProcessSweepsRunning()).toBe(false);
    const [untouched] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(untouched!.awayEnabled).toBe(true);
    expect(await database.db.select().from(sweepRuns).where(gte(sweepRuns.lastRunAt, before))).toEqual([]);

    const worker = await startBackgroundWork({ runsBackgroundWork: true, backgroundEngine: "in-process", SWEEP_INTERVAL_SECONDS: 60 });
    expect(worker.started).toBe(true);
    const [ended] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(ended!.awayEnabled).toBe(false);
  });

  it("are left to the Inngest engine when one is configured", async () => {
    expect((await startBackgroundWork({ runsBackgroundWork: true, backgroundEngine: "inngest-cloud", SWEEP_INTERVAL_SECONDS: 5 })).started).toBe(false);
    expect(inProcessSweepsRunning()).toBe(false);
  });
});
