import { eq } from "drizzle-orm";
import { messages } from "@/db/schema";
import { devToolAccess } from "@/lib/auth/dev-tool-access";
import { inboundDrainSettled } from "@/lib/messaging/inbound/accept";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import { textAsCustomerAction } from "./simulator-actions";

const database = withTestDatabase();

describe("the phone simulator", () => {
  it("hands the signed text to the inbound handling in this process, reaching out to no host", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id);
    const customer = await createCustomer(database.db, company.id);
    const fetchSpy = jest.spyOn(globalThis, "fetch").mockRejectedValue(new Error("no network call expected"));
    try {
      const result = await textAsCustomerAction.run(contextFor(database.db, user, company.id), { from: customer.mobile!, text: "Allo du simulateur" });
      expect(result).toEqual({ ok: true, data: { from: customer.mobile } });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
    await inboundDrainSettled();
    await processPendingInbound(database.db);
    const stored = await database.db.select().from(messages).where(eq(messages.customerId, customer.id));
    expect(stored.map((m) => [m.direction, m.body])).toEqual([["inbound", "Allo du simulateur"]]);
  });

  it("texts only the signed-in user's company: a company id in the input is ignored", async () => {
    const mine = await createCompany(database.db);
    const other = await createCompany(database.db);
    const user = await createUser(database.db, mine.id);
    const theirs = await createCustomer(database.db, other.id);
    await textAsCustomerAction.run(contextFor(database.db, user, mine.id), { companyId: other.id, from: theirs.mobile!, text: "Intrus" });
    await inboundDrainSettled();
    await processPendingInbound(database.db);
    expect(await database.db.select().from(messages).where(eq(messages.customerId, theirs.id))).toEqual([]);
  });
});

describe("access to the dev tools", () => {
  it("is off when disabled, asks for sign-in otherwise, and keeps the mail outbox for admins", () => {
    expect(devToolAccess("phone", { enabled: false, member: { role: "admin" } })).toBe("off");
    expect(devToolAccess("phone", { enabled: true, member: null })).toBe("sign-in");
    expect(devToolAccess("outbox", { enabled: true, member: null })).toBe("sign-in");
    expect(devToolAccess("phone", { enabled: true, member: { role: "agent" } })).toBe("open");
    expect(devToolAccess("outbox", { enabled: true, member: { role: "agent" } })).toBe("forbidden");
    expect(devToolAccess("outbox", { enabled: true, member: { role: "admin" } })).toBe("open");
  });
});
