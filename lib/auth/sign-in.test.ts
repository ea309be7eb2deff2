import { createCompany, createUser, TEST_PASSWORD } from "@/tests/factories";
import { withTestDatabase } from "@/tests/db";
import { checkCredentials } from "./credentials";
import { lockedUntil, recordFailedSignIn, THROTTLE_LIMITS } from "./throttle";

const database = withTestDatabase();

describe("signing in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id, { email: "julie@garage.test" });
    const outcome = await checkCredentials({ email: " Julie@Garage.test ", password: TEST_PASSWORD }, "10.0.0.1");
    expect(outcome).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, companyId: company.id }) });
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const company = await createCompany(database.db);
    await createUser(database.db, company.id, { email: "marc@garage.test" });
    expect(await checkCredentials({ email: "marc@garage.test", password: "wrong123" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: "nobody@garage.test", password: "wrong123" }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows an account down after repeated failures, even with the right password, without locking it for long", async () => {
    const company = await createCompany(database.db);
    await createUser(database.db, company.id, { email: "locked@garage.test" });
    for (let i = 0; i < THROTTLE_LIMITS.account.failures; i++) {
      await checkCredentials({ email: "locked@garage.test", password: `wrong${i}x` }, `10.1.0.${i}`);
    }
    expect(await checkCredentials({ email: "locked@garage.test", password: TEST_PASSWORD }, "10.9.9.9")).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("a stranger's few wrong tries only delay the owner by seconds, and each further failure waits longer, up to a cap", async () => {
    const email = "victim@garage.test";
    const start = new Date("2026-01-01T12:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let i = 0; i < THROTTLE_LIMITS.account.failures; i++) await recordFailedSignIn(database.db, email, null, start);
    const firstDelay = (await lockedUntil(database.db, email, null, start))!.getTime() - start.getTime();
    expect(firstDelay).toBeGreaterThan(0);
    expect(firstDelay).toBeLessThanOrEqual(2_000);
    expect(await lockedUntil(database.db, email, null, at(3))).toBeNull();

    await recordFailedSignIn(database.db, email, null, at(3));
    const secondDelay = (await lockedUntil(database.db, email, null, at(3)))!.getTime() - at(3).getTime();
    expect(secondDelay).toBeGreaterThan(firstDelay);

    for (let i = 0; i < 20; i++) await recordFailedSignIn(database.db, email, null, at(4));
    const cappedDelay = (await lockedUntil(database.db, email, null, at(4)))!.getTime() - at(4).getTime();
    expect(cappedDelay).toBe(THROTTLE_LIMITS.account.maxDelaySeconds * 1000);
  });

  it("locks an IP address trying many accounts", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < THROTTLE_LIMITS.ip.failures; i++) {
      await checkCredentials({ email: `guess${i}@garage.test`, password: "wrong123" }, ip);
    }
    const company = await createCompany(database.db);
    await createUser(database.db, company.id, { email: "innocent@garage.test" });
    expect(await checkCredentials({ email: "innocent@garage.test", password: TEST_PASSWORD }, ip)).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect((await checkCredentials({ email: "innocent@garage.test", password: TEST_PASSWORD }, "198.51.100.1")).ok).toBe(true);
  });

  it("forgets failures once the window has passed, and unlocks after the lock time", async () => {
    const email = "window@garage.test";
    const start = new Date("2026-01-01T12:00:00Z");
    for (let i = 0; i < THROTTLE_LIMITS.account.failures - 1; i++) await recordFailedSignIn(database.db, email, null, start);
    const later = new Date(start.getTime() + (THROTTLE_LIMITS.account.windowMinutes + 1) * 60_000);
    await recordFailedSignIn(database.db, email, null, later);
    expect(await lockedUntil(database.db, email, null, later)).toBeNull();

    for (let i = 0; i < THROTTLE_LIMITS.account.failures; i++) await recordFailedSignIn(database.db, email, null, later);
    const locked = await lockedUntil(database.db, email, null, later);
    expect(locked).not.toBeNull();
    const afterLock = new Date(locked!.getTime() + 1000);
    expect(await lockedUntil(database.db, email, null, afterLock)).toBeNull();
  });
});
