import { createSavedReply } from "@/lib/saved-replies/actions";
import { pauseAutomation } from "@/lib/automations/actions";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser } from "@/tests/factories";
import { guardPage } from "./page-guard";
import { can, GRANTABLE_PERMISSIONS, grantedPermissions, type Permission } from "./permissions";

const database = withTestDatabase();

describe("the permission matrix", () => {
  const everything: Permission[] = [...GRANTABLE_PERMISSIONS, "manageUsers", "manageCompany", "manageTeams", "readMailOutbox", "manageWebhooks"];

  it("gives administrators everything, ticked or not", () => {
    for (const permission of everything) expect(can({ role: "admin", permissions: {} }, permission)).toBe(true);
  });

  it("gives an agent exactly what is ticked for them", () => {
    const agent = { role: "agent" as const, permissions: grantedPermissions(["manageCampaigns", "seeReports"]) };
    const allowed = everything.filter((permission) => can(agent, permission));
    expect(allowed.sort()).toEqual(["manageCampaigns", "seeReports"]);
    expect(can({ role: "agent" }, "manageCampaigns")).toBe(false);
  });

  it("never lets a stored grant reach an administrator-only permission", () => {
    // A row edited by hand (or an old client) cannot make an agent an administrator.
    const forged = { role: "agent" as const, permissions: { manageUsers: true, manageCompany: true, readMailOutbox: true } };
    expect(can(forged, "manageUsers")).toBe(false);
    expect(can(forged, "manageCompany")).toBe(false);
    expect(can(forged, "readMailOutbox")).toBe(false);
    expect(grantedPermissions(["manageUsers", "managePayments", "nonsense"])).toEqual({ managePayments: true });
  });
});

describe("grants in actions and pages", () => {
  it("refuses an agent an action until it is ticked for them", async () => {
    const company = await createCompany(database.db);
    const plain = await createUser(database.db, company.id);
    const editor = await createUser(database.db, company.id, { permissions: { editSavedReplies: true } });
    const input = { title: "Rappel", body: "Votre véhicule est prêt." };
    expect(await createSavedReply.run(contextFor(database.db, plain, company.id), input)).toEqual({ ok: false, error: "savedReplies.noPermission" });
    expect(await createSavedReply.run(contextFor(database.db, editor, company.id), input)).toMatchObject({ ok: true, data: { title: "Rappel" } });
  });

  it("checks a defineAction permission against the member's grants", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id);
    const automator = await createUser(database.db, company.id, { permissions: { manageAutomations: true } });
    const missing = { id: "00000000-0000-4000-8000-000000000000" };
    expect(await pauseAutomation.run(contextFor(database.db, agent, company.id), missing)).toEqual({ ok: false, error: "errors.forbidden" });
    // Past the permission check: the automation simply does not exist.
    expect(await pauseAutomation.run(contextFor(database.db, automator, company.id), missing)).toMatchObject({ ok: false, error: "errors.notFound" });
  });

  it("shows a page to members it is for and a 404 to the others", () => {
    expect(() => guardPage({ role: "agent", permissions: {} }, "seeReports")).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(guardPage({ role: "agent", permissions: { seeReports: true } }, "seeReports")).toMatchObject({ role: "agent" });
    expect(() => guardPage({ role: "agent", permissions: { manageUsers: true } }, "manageUsers")).toThrow(/404/);
    expect(guardPage({ role: "admin", permissions: {} }, "manageUsers")).toMatchObject({ role: "admin" });
  });
});
