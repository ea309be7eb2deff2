import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { upsertApiAppointments } from "@/lib/api/upsert";
import { deleteTeam } from "@/lib/company/actions";
import { setStatus } from "@/lib/conversations/actions";
import { autoCloseInactiveConversations } from "@/lib/conversations/auto-close";
import { updateCustomer } from "@/lib/customers/actions";
import { processInboundSms } from "@/lib/messaging/inbound/process";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createTeam, createUser } from "@/tests/factories";
import { inboundSms as inbound, listenToWebhooks } from "@/tests/webhooks";

const database = withTestDatabase();

type Assigned = { conversation: { id: string; customer_id: string; assignee_user_id: string | null; assignee_team_id: string | null; assigned_by_user_id: string | null; reason: string } };

describe("conversation.assigned whatever assigns the conversation", () => {
  it("the company's rule routes a new number's conversation; an away assignee's conversation goes to the delegate, on creation and on reopening", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const agent = await createUser(db, company.id);
    const delegate = await createUser(db, company.id);
    await db.update(s.companies).set({ defaultAssigneeUserId: agent.id }).where(eq(s.companies.id, company.id));
    const { eventsOf } = await listenToWebhooks(db, company.id);
    const assigned = async () => (await eventsOf("conversation.assigned")).map((e) => ({ ...(e.payload as Assigned).conversation, customerId: e.customerId }));

    await processInboundSms(db, inbound(company, "+15145550301", "Bonjour"));
    const [first] = await assigned();
    expect(first).toMatchObject({ assignee_user_id: agent.id, assignee_team_id: null, assigned_by_user_id: null, reason: "default_rule" });
    expect(first!.customerId).toBe(first!.customer_id);

    // The agent goes away, handing over to a colleague.
    await db.update(s.users).set({ awayEnabled: true, awayDelegateUserId: delegate.id }).where(eq(s.users.id, agent.id));
    await processInboundSms(db, inbound(company, "+15145550302", "Mon auto est prête?"));
    expect((await assigned())[1]).toMatchObject({ assignee_user_id: delegate.id, reason: "away_delegate" });

    // The first customer's closed conversation reopens while its assignee is away.
    const admin = await createUser(db, company.id, { role: "admin" });
    expect(await setStatus.run(contextFor(db, admin, company.id), { conversationId: first!.id, status: "closed" })).toMatchObject({ ok: true });
    await processInboundSms(db, inbound(company, "+15145550301", "Encore moi"));
    const all = await assigned();
    expect(all).toHaveLength(3);
    expect(all[2]).toMatchObject({ id: first!.id, assignee_user_id: delegate.id, reason: "away_delegate" });

    // A text into an open conversation assigns nothing.
    await processInboundSms(db, inbound(company, "+15145550301", "Merci"));
    expect(await assigned()).toHaveLength(3);
  });

  it("an integrated system's appointment names the advisor: the unassigned conversation goes to them", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const advisor = await createUser(db, company.id);
    await db.update(s.memberships).set({ externalId: "ADV-7" }).where(eq(s.memberships.userId, advisor.id));
    const customer = await createCustomer(db, company.id, { externalId: "C-7" });
    const conversation = await createConversation(db, company.id, customer.id);
    const { eventsOf } = await listenToWebhooks(db, company.id);

    await upsertApiAppointments(db, company.id, [{ external_id: "APT-7", customer: { external_id: "C-7" }, start_at: "2026-12-03T14:30:00-05:00", type: "Vidange", advisor_external_id: "ADV-7" }]);
    const events = await eventsOf("conversation.assigned");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      customerId: customer.id,
      payload: { conversation: { id: conversation.id, customer_id: customer.id, assignee_user_id: advisor.id, assigned_by_user_id: null, reason: "integration" } },
    });
  });

  it("deleting a team leaves its conversations with nobody: conversation.assigned to nobody, by the admin", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const admin = await createUser(db, company.id, { role: "admin" });
    const context = contextFor(db, admin, company.id);
    const team = await createTeam(db, company.id, [admin.id], "Service");
    const customer = await createCustomer(db, company.id);
    const conversation = await createConversation(db, company.id, customer.id, { assigneeTeamId: team.id });
    const { eventsOf } = await listenToWebhooks(db, company.id);

    expect(await deleteTeam.run(context, { teamId: team.id })).toMatchObject({ ok: true });
    const events = await eventsOf("conversation.assigned");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      customerId: customer.id,
      payload: { conversation: { id: conversation.id, assignee_user_id: null, assignee_team_id: null, assigned_by_user_id: admin.id, reason: "team_deleted" } },
    });
  });
});

describe("conversation.closed by merges and by the inactivity sweep", () => {
  it("a merge closes the older active conversation: conversation.closed with reason merge, under the surviving customer", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const admin = await createUser(db, company.id, { role: "admin" });
    const holder = await createCustomer(db, company.id, { mobile: "+15145550401" });
    const older = await createConversation(db, company.id, holder.id, { createdAt: new Date(Date.now() - 3600_000) });
    const survivor = await createCustomer(db, company.id, { mobile: "+15145550402" });
    await createConversation(db, company.id, survivor.id);
    const { eventsOf } = await listenToWebhooks(db, company.id);

    const saved = await updateCustomer.run(contextFor(db, admin, company.id), { customerId: survivor.id, mobile: "+15145550401" });
    expect(saved).toMatchObject({ ok: true, data: { merged: true } });
    const closed = await eventsOf("conversation.closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({
      customerId: survivor.id,
      payload: { conversation: { id: older.id, customer_id: survivor.id, reason: "merge", merged_customer_id: holder.id, closed_by_user_id: null } },
    });
    expect((closed[0]!.payload as { conversation: { closed_at: string } }).conversation.closed_at).toEqual(expect.any(String));
  });

  it("a merge whose older conversation was already closed reports no closing", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const admin = await createUser(db, company.id, { role: "admin" });
    const holder = await createCustomer(db, company.id, { mobile: "+15145550411" });
    await createConversation(db, company.id, holder.id, { createdAt: new Date(Date.now() - 3600_000), status: "closed", closedAt: new Date() });
    const survivor = await createCustomer(db, company.id, { mobile: "+15145550412" });
    await createConversation(db, company.id, survivor.id);
    const { eventsOf } = await listenToWebhooks(db, company.id);

    expect(await updateCustomer.run(contextFor(db, admin, company.id), { customerId: survivor.id, mobile: "+15145550411" })).toMatchObject({ ok: true, data: { merged: true } });
    expect(await eventsOf("conversation.closed")).toEqual([]);
  });

  it("the inactivity sweep reports each company's closings to that company's endpoints only", async () => {
    const db = database.db;
    const stale = new Date(Date.now() - 5 * 24 * 3600_000);
    const garages = await Promise.all([createCompany(db, { autoCloseDays: 2 }), createCompany(db, { autoCloseDays: 2 })]);
    const listening = [];
    for (const garage of garages) {
      const customers = [await createCustomer(db, garage.id), await createCustomer(db, garage.id)];
      for (const customer of customers) await createConversation(db, garage.id, customer.id, { lastActivityAt: stale });
      listening.push({ customers, ...(await listenToWebhooks(db, garage.id)) });
    }
    await autoCloseInactiveConversations(db);
    for (const { customers, eventsOf, deliveries } of listening) {
      const closed = await eventsOf("conversation.closed");
      expect(closed.map((e) => e.customerId).sort()).toEqual(customers.map((c) => c.id).sort());
      expect(closed.every((e) => (e.payload as { conversation: { reason: string } }).conversation.reason === "inactivity")).toBe(true);
      expect(await deliveries()).toHaveLength(2);
    }
  });
});
