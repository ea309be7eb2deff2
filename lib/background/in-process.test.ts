import { eq } from "drizzle-orm";
import { sweepRuns, users } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createUser } from "@/tests/factories";
import { runAllSweeps } from "./in-process";

const database = withTestDatabase();

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
});
