import { sql } from "drizzle-orm";
import { companyCounts } from "@/db/queries/companies";
import { countMyUnread, listThreadMessages } from "@/db/queries/inbox";
import { messages } from "@/db/schema";
import { cappedCountLabel, COUNT_CAP } from "@/lib/capped-count";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { THREAD_PAGE, threadLengthFromParams } from "./validation";

const database = withTestDatabase();

describe("a big company's badges", () => {
  it("count up to 1000 and show 999+ beyond", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const alex = await createUser(db, company.id, { name: "Alex" });
    await db.execute(sql`insert into customers (company_id, mobile) select ${company.id}::uuid, '+1438' || lpad(g::text, 7, '0') from generate_series(1, ${COUNT_CAP + 5}) g`);
    await db.execute(sql`insert into conversations (company_id, customer_id, assignee_user_id, last_inbound_at) select company_id, id, ${alex.id}::uuid, now() from customers where company_id = ${company.id}::uuid`);

    const counts = await companyCounts(db, { companyId: company.id, timeZone: "America/Toronto" });
    expect(counts.openConversations).toBe(COUNT_CAP);
    expect(await countMyUnread(db, { companyId: company.id, userId: alex.id })).toBe(COUNT_CAP);
    expect(cappedCountLabel(counts.openConversations, "en-CA")).toBe("999+");
    expect(cappedCountLabel(998, "en-CA")).toBe("998");
  });

  it("count a small company exactly", async () => {
    const db = database.db;
    const company = await createCompany(db);
    for (let i = 0; i < 3; i++) await createConversation(db, company.id, (await createCustomer(db, company.id)).id);
    await createConversation(db, company.id, (await createCustomer(db, company.id)).id, { status: "closed" });
    expect((await companyCounts(db, { companyId: company.id, timeZone: "America/Toronto" })).openConversations).toBe(3);
  });
});

describe("a conversation's first screen", () => {
  it("shows the newest 50 messages and says earlier ones exist", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const conversation = await createConversation(db, company.id, customer.id);
    const start = Date.now() - 3_600_000;
    await db.insert(messages).values(
      Array.from({ length: THREAD_PAGE + 5 }, (_, i) => ({
        companyId: company.id,
        conversationId: conversation.id,
        customerId: customer.id,
        direction: "inbound" as const,
        body: `message ${i}`,
        sourceKind: "manual" as const,
        status: "received" as const,
        createdAt: new Date(start + i * 1000),
      })),
    );
    const first = await listThreadMessages(db, { companyId: company.id, conversationId: conversation.id, limit: threadLengthFromParams({}) });
    expect(first.hasEarlier).toBe(true);
    expect(first.rows.map((row) => row.message.body)).toEqual(Array.from({ length: THREAD_PAGE }, (_, i) => `message ${i + 5}`));

    const more = await listThreadMessages(db, { companyId: company.id, conversationId: conversation.id, limit: threadLengthFromParams({ messages: "100" }) });
    expect(more.hasEarlier).toBe(false);
    expect(more.rows[0]!.message.body).toBe("message 0");
    expect(more.rows).toHaveLength(THREAD_PAGE + 5);
  });

  it("ignores a thread length that is not a number of messages", () => {
    expect(threadLengthFromParams({ messages: "abc" })).toBe(THREAD_PAGE);
    expect(threadLengthFromParams({ messages: "3" })).toBe(THREAD_PAGE);
    expect(threadLengthFromParams({ messages: ["150", "200"] })).toBe(150);
  });
});
