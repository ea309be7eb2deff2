import { and, eq } from "drizzle-orm";
import { customers, inboundSms, messages, notifications } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { acceptInboundSms } from "./accept";
import type { InboundStep } from "./process";
import { processPendingInbound } from "./queue";

const database = withTestDatabase();
let counter = 0;

const failOnceAt = (step: InboundStep) => {
  let failed = false;
  return (current: InboundStep) => {
    if (current === step && !failed) {
      failed = true;
      throw new Error(`injected fault after ${step}`);
    }
  };
};

async function stopAfterFault(step: InboundStep, { openConversation }: { openConversation: boolean }) {
  const db = database.db;
  const company = await createCompany(db);
  const agent = await createUser(db, company.id);
  const customer = await createCustomer(db, company.id, { language: "en" });
  if (openConversation) await createConversation(db, company.id, customer.id, { assigneeUserId: agent.id });
  const { companies } = await import("@/db/schema");
  await db.update(companies).set({ defaultAssigneeUserId: agent.id }).where(eq(companies.id, company.id));
  const { id } = await acceptInboundSms(db, {
    provider: "vonage",
    providerMessageId: `fault-${step}-${++counter}`,
    from: customer.mobile!,
    to: company.senderNumber!,
    text: "STOP",
    receivedAt: new Date(),
  });

  const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
  await processPendingInbound(db, { afterStep: failOnceAt(step) });
  consoleError.mockRestore();
  const [pending] = await db.select().from(inboundSms).where(eq(inboundSms.id, id!));
  expect(pending!.processedAt).toBeNull();
  // The retry (the sweep, or the next drain) completes the whole processing.
  await processPendingInbound(db);

  const rows = await db.select().from(messages).where(eq(messages.customerId, customer.id));
  const [saved] = await db.select().from(customers).where(eq(customers.id, customer.id));
  const [row] = await db.select().from(inboundSms).where(eq(inboundSms.id, id!));
  const notes = await db.select().from(notifications).where(and(eq(notifications.userId, agent.id), eq(notifications.kind, "conversation.new_message")));
  return { rows, saved: saved!, row: row!, notes };
}

describe("processing an inbound STOP is retried as a whole", () => {
  const steps: InboundStep[] = ["conversation", "message", "compliance", "reply"];
  for (const openConversation of [false, true]) {
    for (const step of steps) {
      if (openConversation && step === "conversation") continue;
      it(`opts the customer out and confirms once after a fault at "${step}"${openConversation ? " (open conversation)" : ""}`, async () => {
        const { rows, saved, row, notes } = await stopAfterFault(step, { openConversation });
        expect(rows.filter((m) => m.direction === "inbound").map((m) => m.body)).toEqual(["STOP"]);
        expect(saved.optedOutAt).not.toBeNull();
        const confirmations = rows.filter((m) => m.direction === "outbound");
        expect(confirmations).toHaveLength(1);
        expect(confirmations[0]!.body).toMatch(/you are unsubscribed/);
        expect(notes).toHaveLength(1);
        expect(row.processedAt).not.toBeNull();
        expect(row.outcome).toBe("stored");
      });
    }
  }
});

describe("a sender that cannot receive texts", () => {
  it("keeps an alphanumeric sender's text for staff, but creates no customer and sends no reply", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const agent = await createUser(db, company.id);
    for (const text of ["Votre code promo: SOLDE50", "HELP", "STOP"]) {
      await acceptInboundSms(db, { provider: "vonage", providerMessageId: `promo-${++counter}`, from: "PROMOBOT", to: company.senderNumber!, text, receivedAt: new Date() });
    }
    await processPendingInbound(db);
    expect(await db.select().from(customers).where(eq(customers.companyId, company.id))).toEqual([]);
    expect(await db.select().from(messages).where(eq(messages.companyId, company.id))).toEqual([]);
    const rows = await db.select().from(inboundSms).where(eq(inboundSms.fromNumber, "PROMOBOT"));
    expect(rows.filter((row) => row.toNumber === company.senderNumber).map((row) => row.outcome)).toEqual(["unreplyable_sender", "unreplyable_sender", "unreplyable_sender"]);
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, agent.id), eq(notifications.kind, "inbound.unreplyable_sender")));
    expect(notes.map((note) => note.data)).toEqual(expect.arrayContaining([expect.objectContaining({ from: "PROMOBOT", text: "Votre code promo: SOLDE50" })]));
    expect(notes).toHaveLength(3);
  });
});
