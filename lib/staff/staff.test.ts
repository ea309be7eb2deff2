import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { isSessionCurrent } from "@/lib/auth/sessions";
import type { Mailer } from "@/lib/email/mailer";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createTeam, createUser, TEST_PASSWORD } from "@/tests/factories";
import { outboxMailer } from "@/lib/email/mailer";
import { listOutboxEmails } from "@/db/queries/outbox";
import {
  cancelStaffInvitation,
  deactivateStaffMember,
  inviteStaff,
  reactivateStaffMember,
  resendStaffInvitation,
  updateStaffMember,
} from "./actions";
import { acceptInvitation, describeInvitation, inviteMember, resendInvitation } from "./invitations";

const database = withTestDatabase();
const appUrl = "http://localhost:3000";

/** A mailer that keeps what it sent, to read the link as the invitee would. */
function capturingMailer() {
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer: Mailer = { transport: "outbox", send: async (email) => void sent.push(email) };
  const lastToken = () => /\/invite\/(\S+)/.exec(sent.at(-1)?.text ?? "")?.[1] ?? "";
  return { mailer, sent, lastToken };
}

async function adminOf(name?: string) {
  const company = await createCompany(database.db, name ? { name } : {});
  const admin = await createUser(database.db, company.id, { role: "admin", name: "Claire Admin" });
  return { company, admin, context: contextFor(database.db, admin, company.id) };
}

describe("invitation lifecycle", () => {
  it("emails a link in the invitee's language; accepting makes a signed-in agent with the ticked permissions", async () => {
    const { company, admin } = await adminOf("Beaulieu Automobiles");
    const { mailer, sent, lastToken } = capturingMailer();
    const now = new Date("2026-12-01T10:00:00Z");

    await inviteMember(database.db, { companyId: company.id, invitedByUserId: admin.id, email: "Paul@Garage.test", role: "agent", permissions: { manageCampaigns: true }, language: "fr" }, { mailer, appUrl, now });
    expect(sent[0]).toMatchObject({ to: "paul@garage.test", subject: "Claire Admin vous invite dans Beaulieu Automobiles sur Parley" });
    expect(sent[0]!.text).toContain("Le lien expire dans 7 jours");
    expect(sent[0]!.text).toContain(`${appUrl}/invite/`);

    await inviteMember(database.db, { companyId: company.id, invitedByUserId: admin.id, email: "anna@garage.test", role: "agent", permissions: {}, language: "en" }, { mailer, appUrl, now });
    expect(sent[1]!.subject).toBe("Claire Admin invites you to Beaulieu Automobiles on Parley");
    expect(sent[1]!.text).toContain("The link expires in 7 days");

    const token = /\/invite\/(\S+)/.exec(sent[0]!.text)![1]!;
    expect(await describeInvitation(database.db, token, now)).toMatchObject({ state: "usable", email: "paul@garage.test", companyName: "Beaulieu Automobiles", hasAccount: false });
    expect(lastToken()).not.toBe(token);

    const joined = await acceptInvitation(database.db, { token, name: "Paul Gagnon", password: "voiture22" }, now);
    expect(joined).toEqual({ email: "paul@garage.test", companyId: company.id });
    const signedIn = await checkCredentials({ email: "paul@garage.test", password: "voiture22", companyId: company.id }, null);
    expect(signedIn).toMatchObject({ ok: true, user: { name: "Paul Gagnon", companyId: company.id } });
    const [membership] = await database.db.select().from(s.memberships).where(eq(s.memberships.userId, signedIn.ok ? signedIn.user.id : ""));
    expect(membership).toMatchObject({ role: "agent", permissions: { manageCampaigns: true }, active: true });

    // The link works once.
    expect(await describeInvitation(database.db, token, now)).toEqual({ state: "accepted" });
    await expect(acceptInvitation(database.db, { token, name: "Paul", password: "voiture22" }, now)).rejects.toThrow("staff.accept.used");
  });

  it("goes through the real outbox when no SMTP server is set", async () => {
    const { context } = await adminOf();
    const result = await inviteStaff.run(context, { email: "outbox@garage.test", role: "agent", language: "en", permissions: ["seeReports", "manageUsers"] });
    // manageUsers is not grantable: the schema refuses it rather than storing it.
    expect(result).toMatchObject({ ok: false, error: "errors.invalidInput" });
    const mailer = outboxMailer(database.db);
    const { company, admin } = await adminOf();
    await inviteMember(database.db, { companyId: company.id, invitedByUserId: admin.id, email: "outbox@garage.test", role: "agent", permissions: {}, language: "en" }, { mailer, appUrl });
    const emails = await listOutboxEmails(database.db, { limit: 5 });
    expect(emails.some((email) => email.to === "outbox@garage.test" && /\/invite\//.test(email.text))).toBe(true);
  });

  it("refuses expired and cancelled links with a clear reason; a resend makes the old link invalid", async () => {
    const { company, admin, context } = await adminOf();
    const { mailer, lastToken } = capturingMailer();
    const sentAt = new Date("2026-12-01T10:00:00Z");
    const invitation = await inviteMember(database.db, { companyId: company.id, invitedByUserId: admin.id, email: "late@garage.test", role: "agent", permissions: {}, language: "en" }, { mailer, appUrl, now: sentAt });
    const first = lastToken();
    const eightDaysLater = new Date(sentAt.getTime() + 8 * 86_400_000);
    expect(await describeInvitation(database.db, first, eightDaysLater)).toEqual({ state: "expired" });
    await expect(acceptInvitation(database.db, { token: first, name: "Late", password: "voiture22" }, eightDaysLater)).rejects.toThrow("staff.accept.expired");

    await resendInvitation(database.db, { companyId: company.id, invitationId: invitation.id }, { mailer, appUrl, now: eightDaysLater });
    const second = lastToken();
    expect(await describeInvitation(database.db, first, eightDaysLater)).toEqual({ state: "unknown" });
    expect(await describeInvitation(database.db, second, eightDaysLater)).toMatchObject({ state: "usable" });

    expect(await cancelStaffInvitation.run(context, { invitationId: invitation.id })).toEqual({ ok: true, data: null });
    expect(await describeInvitation(database.db, second)).toEqual({ state: "cancelled" });
    await expect(acceptInvitation(database.db, { token: second, name: "Late", password: "voiture22" })).rejects.toThrow("staff.accept.cancelled");
    expect(await resendStaffInvitation.run(context, { invitationId: invitation.id })).toEqual({ ok: false, error: "errors.notFound" });
  });

  it("lets someone with an account join with their own password, and refuses a member being invited twice", async () => {
    const { company, admin, context } = await adminOf();
    const other = await createCompany(database.db);
    const existing = await createUser(database.db, other.id, { email: "both@garage.test" });
    const { mailer, lastToken } = capturingMailer();
    await inviteMember(database.db, { companyId: company.id, invitedByUserId: admin.id, email: existing.email, role: "agent", permissions: {}, language: "fr" }, { mailer, appUrl });
    expect(await describeInvitation(database.db, lastToken())).toMatchObject({ state: "usable", hasAccount: true });
    await expect(acceptInvitation(database.db, { token: lastToken(), password: "wrong-password1" })).rejects.toThrow("auth.invalidCredentials");
    await acceptInvitation(database.db, { token: lastToken(), password: TEST_PASSWORD });
    expect(await checkCredentials({ email: existing.email, password: TEST_PASSWORD, companyId: company.id }, null)).toMatchObject({ ok: true, user: { companyId: company.id } });
    expect(await inviteStaff.run(context, { email: existing.email, role: "agent", language: "fr" })).toEqual({ ok: false, error: "staff.alreadyMember" });
  });
});

describe("staff management", () => {
  it("an agent can do none of it", async () => {
    const { company } = await adminOf();
    const agent = await createUser(database.db, company.id, { permissions: { manageCampaigns: true } });
    const context = contextFor(database.db, agent, company.id);
    expect(await inviteStaff.run(context, { email: "x@garage.test", role: "admin", language: "fr" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await updateStaffMember.run(context, { userId: agent.id, role: "admin" })).toEqual({ ok: false, error: "errors.forbidden" });
  });

  it("an admin of another company cannot see, cancel or resend the invitations, nor edit the members", async () => {
    const a = await adminOf();
    const b = await adminOf();
    const { mailer } = capturingMailer();
    const invitation = await inviteMember(database.db, { companyId: a.company.id, invitedByUserId: a.admin.id, email: "a-only@garage.test", role: "agent", permissions: {}, language: "fr" }, { mailer, appUrl });
    const agentOfA = await createUser(database.db, a.company.id);
    expect(await cancelStaffInvitation.run(b.context, { invitationId: invitation.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await resendStaffInvitation.run(b.context, { invitationId: invitation.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await updateStaffMember.run(b.context, { userId: agentOfA.id, role: "admin" })).toEqual({ ok: false, error: "errors.notFound" });
    const team = await createTeam(database.db, b.company.id);
    expect(await deactivateStaffMember.run(b.context, { userId: agentOfA.id, handover: `team:${team.id}` })).toMatchObject({ ok: false });
    expect(await reactivateStaffMember.run(b.context, { userId: agentOfA.id })).toEqual({ ok: false, error: "errors.notFound" });
    const { listPendingInvitations } = await import("@/db/queries/staff");
    expect(await listPendingInvitations(database.db, { companyId: b.company.id })).toEqual([]);
    const [row] = await database.db.select().from(s.memberships).where(eq(s.memberships.userId, agentOfA.id));
    expect(row).toMatchObject({ role: "agent", active: true });
  });

  it("changes an agent's role and permissions, and never removes the last administrator", async () => {
    const { company, admin, context } = await adminOf();
    const agent = await createUser(database.db, company.id);
    expect(await updateStaffMember.run(context, { userId: agent.id, role: "agent", permissions: ["importCustomers", "managePayments"] })).toEqual({ ok: true, data: null });
    const [row] = await database.db.select().from(s.memberships).where(eq(s.memberships.userId, agent.id));
    expect(row!.permissions).toEqual({ importCustomers: true, managePayments: true });
    expect(await updateStaffMember.run(context, { userId: admin.id, role: "agent" })).toEqual({ ok: false, error: "staff.lastAdmin" });
    expect(await updateStaffMember.run(context, { userId: agent.id, role: "admin", permissions: ["seeReports"] })).toEqual({ ok: true, data: null });
    // With a second administrator, the first may step down.
    expect(await updateStaffMember.run(context, { userId: admin.id, role: "agent" })).toEqual({ ok: true, data: null });
  });

  it("deactivating ends the member's sessions at once and hands their open conversations to the chosen colleague", async () => {
    const { company, admin, context } = await adminOf();
    const leaving = await createUser(database.db, company.id, { email: "leaving@garage.test" });
    const colleague = await createUser(database.db, company.id);
    const customer = await createCustomer(database.db, company.id);
    const open = await createConversation(database.db, company.id, customer.id, { assigneeUserId: leaving.id });
    const closedCustomer = await createCustomer(database.db, company.id);
    const closed = await createConversation(database.db, company.id, closedCustomer.id, { assigneeUserId: leaving.id, status: "closed" });
    const signedIn = await checkCredentials({ email: leaving.email, password: TEST_PASSWORD }, null);
    if (!signedIn.ok) throw new Error("sign-in failed");
    const cookie = { userId: leaving.id, companyId: company.id, sessionVersion: signedIn.user.sessionVersion };
    expect(await isSessionCurrent(database.db, cookie)).toBe(true);

    expect(await deactivateStaffMember.run(context, { userId: admin.id, handover: `user:${colleague.id}` })).toEqual({ ok: false, error: "users.cannotDeactivateSelf" });
    expect(await deactivateStaffMember.run(context, { userId: leaving.id, handover: `user:${leaving.id}` })).toEqual({ ok: false, error: "staff.handoverInvalid" });
    expect(await deactivateStaffMember.run(context, { userId: leaving.id, handover: `user:${colleague.id}` })).toEqual({ ok: true, data: { handedOver: 1 } });

    expect(await isSessionCurrent(database.db, cookie)).toBe(false);
    expect(await checkCredentials({ email: leaving.email, password: TEST_PASSWORD }, null)).toEqual({ ok: false, reason: "invalid" });
    const rows = await database.db.select().from(s.conversations).where(eq(s.conversations.companyId, company.id));
    expect(rows.find((c) => c.id === open.id)).toMatchObject({ assigneeUserId: colleague.id });
    // Their history stays theirs.
    expect(rows.find((c) => c.id === closed.id)).toMatchObject({ assigneeUserId: leaving.id });
    const events = await database.db.select().from(s.assignmentEvents).where(eq(s.assignmentEvents.conversationId, open.id));
    expect(events).toEqual([expect.objectContaining({ fromUserId: leaving.id, toUserId: colleague.id, reason: "member_deactivated", byUserId: admin.id })]);

    expect(await reactivateStaffMember.run(context, { userId: leaving.id })).toEqual({ ok: true, data: null });
    expect(await checkCredentials({ email: leaving.email, password: TEST_PASSWORD }, null)).toMatchObject({ ok: true });
    // The old cookie stays void after reactivation.
    expect(await isSessionCurrent(database.db, cookie)).toBe(false);
  });

  it("hands the open conversations to a team", async () => {
    const { company, context } = await adminOf();
    const leaving = await createUser(database.db, company.id);
    const team = await createTeam(database.db, company.id);
    const customer = await createCustomer(database.db, company.id);
    const open = await createConversation(database.db, company.id, customer.id, { assigneeUserId: leaving.id });
    expect(await deactivateStaffMember.run(context, { userId: leaving.id, handover: `team:${team.id}` })).toEqual({ ok: true, data: { handedOver: 1 } });
    const [row] = await database.db.select().from(s.conversations).where(eq(s.conversations.id, open.id));
    expect(row).toMatchObject({ assigneeUserId: null, assigneeTeamId: team.id });
  });
});
