import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { customers, messages, notifications, scheduledMessages } from "@/db/schema";
import { sendScheduledMessageAtTime } from "@/inngest/functions/scheduling/send-scheduled-message";
import { utcToZonedLocal } from "@/lib/time";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { deleteScheduledMessage, scheduleMessage, updateScheduledMessage } from "./actions";
import { sendDueScheduledMessages } from "./scheduled";

const database = withTestDatabase();
const inMinutes = (minutes: number, timeZone = "America/Toronto") => utcToZonedLocal(new Date(Date.now() + minutes * 60_000), timeZone);

async function setup() {
  const db = database.db;
  const company = await createCompany(db, { timezone: "America/Toronto" });
  const author = await createUser(db, company.id, { name: "Alex Martin" });
  const customer = await createCustomer(db, company.id, { firstName: "Julie" });
  const conversation = await createConversation(db, company.id, customer.id);
  return { db, company, author, customer, conversation, context: contextFor(db, author, company.id) };
}

async function schedule(setupResult: Awaited<ReturnType<typeof setup>>, body = "Bonjour { customer.first_name }, rappel demain.") {
  const result = await scheduleMessage.run(setupResult.context, { conversationId: setupResult.conversation.id, body, sendAt: inMinutes(90) });
  if (!result.ok) throw new Error(result.error);
  const [row] = await database.db.select().from(scheduledMessages).where(eq(scheduledMessages.id, result.data.id));
  return row!;
}

/** Runs the Inngest function as the engine would, the sleep having elapsed. */
async function wakeUp(event: { id: string; version: number; sendAt: Date }) {
  await database.db.update(scheduledMessages).set({ sendAt: new Date(Date.now() - 1000) }).where(eq(scheduledMessages.id, event.id));
  const t = new InngestTestEngine({
    function: sendScheduledMessageAtTime,
    events: [{ name: "message/scheduled", data: { id: event.id, version: event.version, sendAt: event.sendAt.toISOString() } }],
    steps: [{ id: "wait-until-send-time", handler: () => undefined }],
  });
  return t.execute();
}

const sentBy = async (customerId: string) => database.db.select().from(messages).where(eq(messages.customerId, customerId));

describe("scheduled messages (EDIT-11)", () => {
  it("sleeps until the time and sends through the gate, shown as scheduled and signed", async () => {
    const s = await setup();
    const row = await schedule(s);
    expect(await sentBy(s.customer.id)).toEqual([]);
    const { result, ctx } = await wakeUp(row);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-send-time", row.sendAt);
    expect(result).toMatchObject({ sent: true });
    const [message] = await sentBy(s.customer.id);
    expect(message).toMatchObject({ sourceKind: "scheduled", sourceId: row.id, body: "Bonjour Julie, rappel demain.\n- Alex Martin" });
    const [after] = await database.db.select().from(scheduledMessages).where(eq(scheduledMessages.id, row.id));
    expect(after).toMatchObject({ status: "sent", messageId: message!.id });
  });

  it("does nothing when the message was deleted before its time", async () => {
    const s = await setup();
    const row = await schedule(s);
    expect(await deleteScheduledMessage.run(s.context, { id: row.id })).toEqual({ ok: true, data: { id: row.id } });
    const { result } = await wakeUp(row);
    expect(result).toMatchObject({ sent: false });
    expect(await sentBy(s.customer.id)).toEqual([]);
  });

  it("sends the edited version at the new time, and the old timer wakes up to nothing", async () => {
    const s = await setup();
    const row = await schedule(s);
    const edited = await updateScheduledMessage.run(s.context, { id: row.id, body: "Nouveau texte", sendAt: inMinutes(180) });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await wakeUp(row)).result).toMatchObject({ sent: false });
    expect(await sentBy(s.customer.id)).toEqual([]);
    expect((await wakeUp({ ...row, version: 2 })).result).toMatchObject({ sent: true });
    expect((await sentBy(s.customer.id)).map((m) => m.body)).toEqual(["Nouveau texte\n- Alex Martin"]);
  });

  it("skips a customer who opted out meanwhile and tells the author why", async () => {
    const s = await setup();
    const row = await schedule(s);
    await database.db.update(customers).set({ optedOutAt: new Date() }).where(eq(customers.id, s.customer.id));
    expect((await wakeUp(row)).result).toEqual({ sent: false, reason: "opted_out" });
    expect(await sentBy(s.customer.id)).toEqual([]);
    const [after] = await database.db.select().from(scheduledMessages).where(eq(scheduledMessages.id, row.id));
    expect(after).toMatchObject({ status: "failed", failureReason: "opted_out" });
    const told = await database.db.select().from(notifications).where(eq(notifications.userId, s.author.id));
    expect(told.map((n) => [n.kind, n.data.reason])).toEqual([["scheduled.failed", "opted_out"]]);
  });

  it("the sweep sends what a lost event left behind, once", async () => {
    const s = await setup();
    const row = await schedule(s);
    await database.db.update(scheduledMessages).set({ sendAt: new Date(Date.now() - 60_000) }).where(eq(scheduledMessages.id, row.id));
    await sendDueScheduledMessages(database.db);
    await sendDueScheduledMessages(database.db);
    expect(await sentBy(s.customer.id)).toHaveLength(1);
  });

  it("refuses a time in the past, a broken template and another company's conversation", async () => {
    const s = await setup();
    expect(await scheduleMessage.run(s.context, { conversationId: s.conversation.id, body: "Bonjour", sendAt: inMinutes(-5) })).toEqual({ ok: false, error: "scheduled.inPast" });
    expect(await scheduleMessage.run(s.context, { conversationId: s.conversation.id, body: "Bonjour", sendAt: "demain" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    expect(await scheduleMessage.run(s.context, { conversationId: s.conversation.id, body: "Bonjour { customer.surnom }", sendAt: inMinutes(60) })).toMatchObject({
      ok: false,
      error: "templates.unknownAttributes",
    });
    const other = await setup();
    expect(await scheduleMessage.run(s.context, { conversationId: other.conversation.id, body: "Bonjour", sendAt: inMinutes(60) })).toEqual({ ok: false, error: "errors.notFound" });
    const theirs = await schedule(other);
    expect(await deleteScheduledMessage.run(s.context, { id: theirs.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await updateScheduledMessage.run(s.context, { id: theirs.id, body: "Pris", sendAt: inMinutes(60) })).toEqual({ ok: false, error: "errors.notFound" });
  });
});
