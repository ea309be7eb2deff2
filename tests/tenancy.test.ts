import { eq } from "drizzle-orm";
import { findConversation, setConversationStatus } from "@/db/queries/conversations";
import { listInbox } from "@/db/queries/inbox";
import { findCustomer, listCustomers } from "@/db/queries/customers";
import { findCompanyUser, listCompanyUsers, listTeams, updateAwaySettings } from "@/db/queries/users";
import { conversations, users } from "@/db/schema";
import { setAwayMode } from "@/lib/users/actions";
import { withTestDatabase } from "./db";
import { contextFor, createCompany, createConversation, createCustomer, createTeam, createUser } from "./factories";

const database = withTestDatabase();

async function twoCompanies() {
  const db = database.db;
  const a = await createCompany(db);
  const b = await createCompany(db);
  const userA = await createUser(db, a.id, { role: "admin" });
  const userB = await createUser(db, b.id, { role: "admin" });
  const customerB = await createCustomer(db, b.id, { firstName: "Secret", lastName: "Client" });
  const conversationB = await createConversation(db, b.id, customerB.id, { assigneeUserId: userB.id });
  const teamB = await createTeam(db, b.id, [userB.id]);
  return { a, b, userA, userB, customerB, conversationB, teamB };
}

describe("a user of company A", () => {
  it("cannot read company B's customers, conversations, users or teams", async () => {
    const db = database.db;
    const { a, userA, userB, customerB, conversationB } = await twoCompanies();
    expect(await findCustomer(db, { companyId: a.id, customerId: customerB.id })).toBeUndefined();
    expect(await findConversation(db, { companyId: a.id, conversationId: conversationB.id })).toBeUndefined();
    expect(await findCompanyUser(db, { companyId: a.id, userId: userB.id })).toBeUndefined();
    expect((await listCustomers(db, { companyId: a.id, query: "Secret" })).customers).toEqual([]);
    const all = { view: { kind: "all" as const }, status: "all" as const, flags: [] };
    expect((await listInbox(db, { companyId: a.id, userId: userA.id, filter: all })).rows).toEqual([]);
    expect((await listCompanyUsers(db, { companyId: a.id })).map((u) => u.id)).not.toContain(userB.id);
    expect(await listTeams(db, { companyId: a.id })).toEqual([]);
  });

  it("cannot change company B's records", async () => {
    const db = database.db;
    const { a, userA, userB, conversationB, teamB } = await twoCompanies();

    expect(await setConversationStatus(db, { companyId: a.id, conversationId: conversationB.id, status: "closed" })).toBeUndefined();
    const [still] = await db.select().from(conversations).where(eq(conversations.id, conversationB.id));
    expect(still!.status).toBe("open");

    const settings = { awayEnabled: true, awayUntil: null, awayDelegateUserId: null, awayDelegateTeamId: null };
    expect(await updateAwaySettings(db, { companyId: a.id, userId: userB.id, settings })).toBeUndefined();
    const [b] = await db.select().from(users).where(eq(users.id, userB.id));
    expect(b!.awayEnabled).toBe(false);

    const context = contextFor(db, userA, a.id);
    for (const delegate of [`user:${userB.id}`, `team:${teamB.id}`]) {
      const result = await setAwayMode.run(context, { enabled: true, delegate });
      expect(result).toEqual({ ok: false, error: "away.delegateInvalid" });
    }
    const [self] = await db.select().from(users).where(eq(users.id, userA.id));
    expect(self!.awayEnabled).toBe(false);
  });
});
