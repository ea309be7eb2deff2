import { deactivateStaffMember } from "@/lib/staff/actions";
import { changePassword } from "@/lib/users/actions";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser, TEST_PASSWORD } from "@/tests/factories";
import { checkCredentials } from "./credentials";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { endUserSessions, isSessionCurrent } from "./sessions";

const database = withTestDatabase();

/** Signs in as the browser does and keeps what the session cookie carries. */
async function openSession(email: string, password = TEST_PASSWORD) {
  const outcome = await checkCredentials({ email, password }, null);
  if (!outcome.ok) throw new Error("sign-in failed");
  const { id: userId, companyId, sessionVersion } = outcome.user;
  return { userId, companyId, sessionVersion };
}

const stillWorks = (cookie: Awaited<ReturnType<typeof openSession>>) => isSessionCurrent(database.db, cookie);

describe("revocable sessions", () => {
  it("a copied cookie stops working once its user signs out", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id, { email: "copied@garage.test" });
    const cookie = await openSession(user.email);
    const copied = { ...cookie };
    expect(await stillWorks(copied)).toBe(true);
    await endUserSessions(database.db, { companyId: company.id, userId: user.id });
    expect(await stillWorks(cookie)).toBe(false);
    expect(await stillWorks(copied)).toBe(false);
    // Signing in again opens a fresh session.
    expect(await stillWorks(await openSession(user.email))).toBe(true);
  });

  it("a password change ends the sessions opened with the old password", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id, { email: "changer@garage.test" });
    const elsewhere = await openSession(user.email);
    const result = await changePassword.run(contextFor(database.db, user, company.id), {
      currentPassword: TEST_PASSWORD,
      password: "nouveau1",
      confirmation: "nouveau1",
    });
    expect(result.ok).toBe(true);
    expect(await stillWorks(elsewhere)).toBe(false);
    expect(await stillWorks(await openSession(user.email, "nouveau1"))).toBe(true);
  });

  it("a password reset through the emailed link ends the open sessions", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id, { email: "reset@garage.test" });
    const open = await openSession(user.email);
    let link = "";
    await requestPasswordReset(database.db, user.email, {
      mailer: { transport: "outbox", send: async ({ text }) => void (link = /\/reset-password\/(\S+)/.exec(text)?.[1] ?? "") },
      appUrl: "http://localhost:3000",
    });
    await resetPassword(database.db, { token: link, password: "reset2026" });
    expect(await stillWorks(open)).toBe(false);
  });

  it("an admin deactivating a user ends their sessions and their access", async () => {
    const company = await createCompany(database.db);
    const admin = await createUser(database.db, company.id, { role: "admin" });
    const agent = await createUser(database.db, company.id, { email: "leaving@garage.test" });
    const open = await openSession(agent.email);
    expect(await deactivateStaffMember.run(contextFor(database.db, agent, company.id), { userId: admin.id, handover: `user:${agent.id}` })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await deactivateStaffMember.run(contextFor(database.db, admin, company.id), { userId: admin.id, handover: `user:${agent.id}` })).toMatchObject({ ok: false });
    expect(await deactivateStaffMember.run(contextFor(database.db, admin, company.id), { userId: agent.id, handover: `user:${admin.id}` })).toEqual({ ok: true, data: { handedOver: 0 } });
    expect(await stillWorks(open)).toBe(false);
    expect(await checkCredentials({ email: agent.email, password: TEST_PASSWORD }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("a user of another company cannot be deactivated", async () => {
    const company = await createCompany(database.db);
    const other = await createCompany(database.db);
    const admin = await createUser(database.db, company.id, { role: "admin" });
    const stranger = await createUser(database.db, other.id, { email: "stranger@garage.test" });
    const open = await openSession(stranger.email);
    expect(await deactivateStaffMember.run(contextFor(database.db, admin, company.id), { userId: stranger.id, handover: `user:${admin.id}` })).toMatchObject({ ok: false });
    expect(await stillWorks(open)).toBe(true);
  });
});
