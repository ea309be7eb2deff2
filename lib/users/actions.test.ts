import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { utcToZonedLocal } from "@/lib/time";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createTeam, createUser, TEST_PASSWORD } from "@/tests/factories";
import { changePassword, setAwayMode, setLanguage } from "./actions";

const database = withTestDatabase();

async function signedIn() {
  const company = await createCompany(database.db, { timezone: "America/Toronto" });
  const user = await createUser(database.db, company.id, { language: "fr" });
  return { company, user, context: contextFor(database.db, user, company.id) };
}

const reload = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;

describe("setLanguage", () => {
  it("switches the user's language", async () => {
    const { user, context } = await signedIn();
    expect(await setLanguage.run(context, { language: "en" })).toEqual({ ok: true, data: { language: "en" } });
    expect((await reload(user.id)).language).toBe("en");
  });

  it("rejects an unsupported language and changes nothing", async () => {
    const { user, context } = await signedIn();
    const result = await setLanguage.run(context, { language: "de" });
    expect(result).toMatchObject({ ok: false, error: "errors.invalidInput", fieldErrors: { language: expect.any(Array) } });
    expect((await reload(user.id)).language).toBe("fr");
  });
});

describe("changePassword", () => {
  it("requires the current password", async () => {
    const { user, context } = await signedIn();
    const result = await changePassword.run(context, { currentPassword: "wrong999", password: "abc123", confirmation: "abc123" });
    expect(result).toEqual({ ok: false, error: "password.currentWrong" });
    expect((await checkCredentials({ email: user.email, password: TEST_PASSWORD }, null)).ok).toBe(true);
  });

  it("enforces the password rules and the confirmation", async () => {
    const { context } = await signedIn();
    expect(await changePassword.run(context, { currentPassword: TEST_PASSWORD, password: "abcdef", confirmation: "abcdef" })).toMatchObject({
      ok: false,
      fieldErrors: { password: ["password.lettersAndDigits"] },
    });
    expect(await changePassword.run(context, { currentPassword: TEST_PASSWORD, password: "abc123", confirmation: "abc124" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: ["password.mismatch"] },
    });
  });

  it("changes the password", async () => {
    const { user, context } = await signedIn();
    expect(await changePassword.run(context, { currentPassword: TEST_PASSWORD, password: "nouveau1", confirmation: "nouveau1" })).toEqual({ ok: true, data: null });
    expect((await checkCredentials({ email: user.email, password: "nouveau1" }, null)).ok).toBe(true);
    expect((await reload(user.id)).passwordChangedAt).not.toBeNull();
  });
});

describe("setAwayMode", () => {
  it("turns away mode on until a time in the company's time zone, delegating to a teammate", async () => {
    const { company, user, context } = await signedIn();
    const teammate = await createUser(database.db, company.id);
    const until = utcToZonedLocal(new Date(Date.now() + 3 * 86_400_000), "America/Toronto");
    const result = await setAwayMode.run(context, { enabled: true, until, delegate: `user:${teammate.id}` });
    expect(result.ok).toBe(true);
    const saved = await reload(user.id);
    expect(saved).toMatchObject({ awayEnabled: true, awayDelegateUserId: teammate.id, awayDelegateTeamId: null });
    expect(utcToZonedLocal(saved.awayUntil!, "America/Toronto")).toBe(until);
  });

  it("delegates to a team, and turns off", async () => {
    const { company, user, context } = await signedIn();
    const team = await createTeam(database.db, company.id);
    expect((await setAwayMode.run(context, { enabled: "true", until: "", delegate: `team:${team.id}` })).ok).toBe(true);
    expect(await reload(user.id)).toMatchObject({ awayEnabled: true, awayUntil: null, awayDelegateTeamId: team.id });
    expect((await setAwayMode.run(context, { enabled: false })).ok).toBe(true);
    expect(await reload(user.id)).toMatchObject({ awayEnabled: false, awayDelegateTeamId: null });
  });

  it("refuses a return time in the past, a malformed date, or oneself as delegate", async () => {
    const { user, context } = await signedIn();
    expect(await setAwayMode.run(context, { enabled: true, until: "2020-01-01T09:00" })).toEqual({ ok: false, error: "away.untilInPast" });
    expect(await setAwayMode.run(context, { enabled: true, until: "tomorrow" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    expect(await setAwayMode.run(context, { enabled: true, delegate: `user:${user.id}` })).toEqual({ ok: false, error: "away.delegateInvalid" });
    expect((await reload(user.id)).awayEnabled).toBe(false);
  });
});
