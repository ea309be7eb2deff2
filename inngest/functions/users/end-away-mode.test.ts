import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createUser } from "@/tests/factories";
import { sweepFunctions } from "../sweeps";
import { endAwayModeAtReturn } from "./end-away-mode";

const database = withTestDatabase();
const reload = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;

async function awayUser(awayUntil: Date) {
  const company = await createCompany(database.db);
  const delegate = await createUser(database.db, company.id);
  return createUser(database.db, company.id, { awayEnabled: true, awayUntil, awayDelegateUserId: delegate.id });
}

describe("end-away-mode-at-return", () => {
  it("sleeps until the return time, then turns away mode off", async () => {
    const user = await awayUser(new Date(Date.now() - 1000));
    let sleptUntil: unknown;
    const t = new InngestTestEngine({
      function: endAwayModeAtReturn,
      events: [{ name: "user/away.scheduled", data: { userId: user.id, awayUntil: user.awayUntil!.toISOString() } }],
      steps: [{ id: "wait-until-return", handler: () => (sleptUntil = true) }],
    });
    const { result, ctx } = await t.execute();
    expect(sleptUntil).toBe(true);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-return", user.awayUntil);
    expect(result).toEqual({ ended: 1 });
    expect(await reload(user.id)).toMatchObject({ awayEnabled: false, awayUntil: null, awayDelegateUserId: null });
  });

  it("leaves away mode on when the user moved their return later meanwhile", async () => {
    const user = await awayUser(new Date(Date.now() + 86_400_000));
    const t = new InngestTestEngine({
      function: endAwayModeAtReturn,
      events: [{ name: "user/away.scheduled", data: { userId: user.id, awayUntil: new Date(Date.now() - 1000).toISOString() } }],
      steps: [{ id: "wait-until-return", handler: () => undefined }],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ ended: 0 });
    expect((await reload(user.id)).awayEnabled).toBe(true);
  });
});

describe("the end-expired-away-modes sweep", () => {
  it("ends every away mode whose time has come, and only those", async () => {
    const due = await awayUser(new Date(Date.now() - 60_000));
    const later = await awayUser(new Date(Date.now() + 60 * 60_000));
    const sweep = sweepFunctions.find((fn) => fn.id("parley").endsWith("end-expired-away-modes"))!;
    const { result } = await new InngestTestEngine({ function: sweep }).execute();
    expect(result).toMatchObject({ ended: expect.any(Number) });
    expect((await reload(due.id)).awayEnabled).toBe(false);
    expect((await reload(later.id)).awayEnabled).toBe(true);
  });
});
