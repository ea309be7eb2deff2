import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer } from "@/tests/factories";
import { sweepFunctions } from "../sweeps";
import { handleAutomationReply } from "./handle-reply";
import { runRequestedAutomation } from "./run-automation";

const database = withTestDatabase();

async function activeAutomation(values: Partial<typeof s.automations.$inferInsert> = {}) {
  const db = database.db;
  const company = await createCompany(db);
  const customer = await createCustomer(db, company.id);
  const [automation] = await db
    .insert(s.automations)
    .values({
      companyId: company.id,
      name: "Bienvenue",
      status: "active",
      messageBody: "Bienvenue chez { company.name }!",
      schedule: "realtime",
      keywordResponses: [{ id: "yes", keywords: ["Merci"], reply: "Avec plaisir!" }],
      ...values,
    })
    .returning();
  return { db, company, customer, automation: automation! };
}

const resultsOf = (automationId: string) => database.db.select().from(s.automationResults).where(eq(s.automationResults.automationId, automationId));

describe("automation Inngest functions", () => {
  it("run-requested-automation runs the automation now", async () => {
    const { company, customer, automation } = await activeAutomation({ schedule: "daily", dailyAt: "23:59" });
    const { result } = await new InngestTestEngine({
      function: runRequestedAutomation,
      events: [{ name: "automation/run.requested", data: { companyId: company.id, automationId: automation.id } }],
    }).execute();
    expect(result).toMatchObject({ status: "ran", matched: 1, sent: 1 });
    expect(await resultsOf(automation.id)).toMatchObject([{ customerId: customer.id, status: "sent" }]);
  });

  it("the run-due-automations cron sweep runs a due real-time automation once", async () => {
    const { automation } = await activeAutomation();
    const sweep = sweepFunctions.find((fn) => fn.id("parley").endsWith("run-due-automations"))!;
    const { result } = await new InngestTestEngine({ function: sweep }).execute();
    expect(result).toMatchObject({ ran: expect.any(Number) });
    expect(await resultsOf(automation.id)).toHaveLength(1);
    await new InngestTestEngine({ function: sweep }).execute();
    expect(await resultsOf(automation.id)).toHaveLength(1);
  });

  it("handle-automation-reply answers a keyword reply", async () => {
    const { db, company, customer, automation } = await activeAutomation();
    await new InngestTestEngine({
      function: runRequestedAutomation,
      events: [{ name: "automation/run.requested", data: { companyId: company.id, automationId: automation.id } }],
    }).execute();
    const [conversation] = await db.select().from(s.conversations).where(eq(s.conversations.customerId, customer.id));
    const [message] = await db
      .insert(s.messages)
      .values({ companyId: company.id, conversationId: conversation!.id, customerId: customer.id, direction: "inbound", body: "merci!", sourceKind: "customer", status: "received" })
      .returning();
    const { result } = await new InngestTestEngine({
      function: handleAutomationReply,
      events: [{ name: "automation/reply.check", data: { companyId: company.id, messageId: message!.id } }],
    }).execute();
    expect(result).toMatchObject({ status: "handled", outcome: { matchedResponseId: "yes" } });
    const replies = await db.select().from(s.messages).where(eq(s.messages.sourceKind, "keyword_reply"));
    expect(replies.filter((m) => m.customerId === customer.id).map((m) => m.body)).toEqual(["Avec plaisir!"]);
  });
});
