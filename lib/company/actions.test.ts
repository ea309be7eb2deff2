import { eq } from "drizzle-orm";
import { listTeams } from "@/db/queries/users";
import { companies, conversations } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createTeam, createUser } from "@/tests/factories";
import { createTeam as createTeamAction, deleteTeam, renameTeam, setTeamMembers, updateConversationSettings, updateReviewLinks, updateWeeklyReport } from "./actions";

const database = withTestDatabase();

async function setup() {
  const db = database.db;
  const company = await createCompany(db);
  const admin = await createUser(db, company.id, { role: "admin" });
  const agent = await createUser(db, company.id);
  return { db, company, admin, agent, context: contextFor(db, admin, company.id) };
}

describe("teams (CONV-13)", () => {
  it("lets an admin create a team, pick its members, rename and delete it", async () => {
    const { db, company, admin, agent, context } = await setup();
    const created = await createTeamAction.run(context, { name: "  Service  " });
    expect(created).toMatchObject({ ok: true, data: { name: "Service" } });
    const teamId = created.ok ? created.data.id : "";
    expect(await setTeamMembers.run(context, { teamId, userIds: [admin.id, agent.id] })).toMatchObject({ ok: true });
    expect((await listTeams(db, { companyId: company.id }))[0]!.memberIds.sort()).toEqual([admin.id, agent.id].sort());
    expect(await renameTeam.run(context, { teamId, name: "Atelier" })).toMatchObject({ ok: true, data: { name: "Atelier" } });

    const customer = await createCustomer(db, company.id);
    const conversation = await createConversation(db, company.id, customer.id, { assigneeTeamId: teamId });
    expect(await deleteTeam.run(context, { teamId })).toEqual({ ok: true, data: { id: teamId } });
    const [kept] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(kept).toMatchObject({ assigneeTeamId: null });
  });

  it("refuses agents, empty or duplicate names, and strangers as members", async () => {
    const { db, agent, context } = await setup();
    expect(await createTeamAction.run(contextFor(db, agent, context.companyId), { name: "Ventes" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await createTeamAction.run(context, { name: " " })).toMatchObject({ ok: false, fieldErrors: { name: ["company.teamNameRequired"] } });
    await createTeamAction.run(context, { name: "Ventes" });
    expect(await createTeamAction.run(context, { name: "Ventes" })).toEqual({ ok: false, error: "company.teamNameTaken" });
    const team = await createTeam(db, context.companyId);
    const other = await createCompany(db);
    const stranger = await createUser(db, other.id);
    expect(await setTeamMembers.run(context, { teamId: team.id, userIds: [stranger.id] })).toEqual({ ok: false, error: "company.memberInvalid" });
  });

  it("cannot touch another company's team", async () => {
    const { db, context } = await setup();
    const other = await createCompany(db);
    const theirs = await createTeam(db, other.id, [], "Leurs gens");
    expect(await renameTeam.run(context, { teamId: theirs.id, name: "Pris" })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await deleteTeam.run(context, { teamId: theirs.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await setTeamMembers.run(context, { teamId: theirs.id, userIds: [] })).toEqual({ ok: false, error: "errors.notFound" });
    expect((await listTeams(db, { companyId: other.id }))[0]!.name).toBe("Leurs gens");
  });
});

describe("the weekly progress email switch", () => {
  it("lets an admin turn it off and on for their company only, refusing agents and bad input", async () => {
    const { db, company, agent, context } = await setup();
    const other = await createCompany(db);
    const enabledOf = async (id: string) => (await db.select({ on: companies.weeklyReportEnabled }).from(companies).where(eq(companies.id, id)))[0]!.on;
    expect(await updateWeeklyReport.run(context, { enabled: false })).toEqual({ ok: true, data: { weeklyReportEnabled: false } });
    expect(await enabledOf(company.id)).toBe(false);
    expect(await enabledOf(other.id)).toBe(true);

    expect(await updateWeeklyReport.run(contextFor(db, agent, company.id), { enabled: true })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await updateWeeklyReport.run(context, { enabled: "yes" })).toMatchObject({ ok: false, fieldErrors: { enabled: ["errors.invalidInput"] } });
    expect(await enabledOf(company.id)).toBe(false);
    expect(await updateWeeklyReport.run(context, { enabled: true })).toEqual({ ok: true, data: { weeklyReportEnabled: true } });
    expect(await enabledOf(company.id)).toBe(true);
  });
});

describe("conversation settings", () => {
  it("saves auto-close days, the unanswered delay and the default assignee", async () => {
    const { db, company, agent, context } = await setup();
    expect(await updateConversationSettings.run(context, { autoCloseDays: "7", unansweredAfterHours: "2", defaultAssignee: `user:${agent.id}` })).toMatchObject({ ok: true });
    const [saved] = await db.select().from(companies).where(eq(companies.id, company.id));
    expect(saved).toMatchObject({ autoCloseDays: 7, unansweredAfterHours: 2, defaultAssigneeUserId: agent.id, defaultAssigneeTeamId: null });
    expect(await updateConversationSettings.run(context, { autoCloseDays: "", unansweredAfterHours: 4, defaultAssignee: "" })).toMatchObject({ ok: true });
    const [off] = await db.select().from(companies).where(eq(companies.id, company.id));
    expect(off!.autoCloseDays).toBeNull();
  });

  it("rejects out-of-range values and another company's assignee, changing nothing", async () => {
    const { db, company, context } = await setup();
    expect(await updateConversationSettings.run(context, { autoCloseDays: 16, unansweredAfterHours: 4, defaultAssignee: "" })).toMatchObject({
      ok: false,
      fieldErrors: { autoCloseDays: ["company.autoCloseRange"] },
    });
    expect(await updateConversationSettings.run(context, { autoCloseDays: "", unansweredAfterHours: 0, defaultAssignee: "" })).toMatchObject({
      ok: false,
      fieldErrors: { unansweredAfterHours: ["company.unansweredRange"] },
    });
    const other = await createCompany(db);
    const stranger = await createUser(db, other.id);
    expect(await updateConversationSettings.run(context, { autoCloseDays: "", unansweredAfterHours: 4, defaultAssignee: `user:${stranger.id}` })).toEqual({
      ok: false,
      error: "conversations.assigneeInvalid",
    });
    const [saved] = await db.select().from(companies).where(eq(companies.id, company.id));
    expect(saved).toMatchObject({ autoCloseDays: null, unansweredAfterHours: 4, defaultAssigneeUserId: null });
  });
});

describe("review links (EDIT-10)", () => {
  it("saves the public review pages an admin lists, trimmed", async () => {
    const { db, company, context } = await setup();
    const saved = await updateReviewLinks.run(context, { links: [{ label: " Google ", url: " https://g.page/r/garage/review " }] });
    expect(saved).toEqual({ ok: true, data: { reviewLinks: [{ label: "Google", url: "https://g.page/r/garage/review" }] } });
    const [stored] = await db.select({ reviewLinks: companies.reviewLinks }).from(companies).where(eq(companies.id, company.id));
    expect(stored!.reviewLinks).toEqual([{ label: "Google", url: "https://g.page/r/garage/review" }]);
  });

  it("rejects a link that is not https and agents, changing nothing", async () => {
    const { db, company, agent, context } = await setup();
    expect(await updateReviewLinks.run(context, { links: [{ label: "Google", url: "http://g.page/review" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "links.0.url": ["company.reviewUrlInvalid"] },
    });
    expect(await updateReviewLinks.run(contextFor(db, agent, company.id), { links: [] })).toEqual({ ok: false, error: "errors.forbidden" });
    const [stored] = await db.select({ reviewLinks: companies.reviewLinks }).from(companies).where(eq(companies.id, company.id));
    expect(stored!.reviewLinks).toEqual([]);
  });
});
