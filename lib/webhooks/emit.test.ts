import { eq } from "drizzle-orm";
import { processInboundSms } from "@/lib/messaging/inbound/process";
import { sendSms } from "@/lib/messaging/send";
import { withTestDatabase } from "@/tests/db";
import { createAppointment, setAppointmentStatus } from "@/lib/appointments/actions";
import { assign, setStatus } from "@/lib/conversations/actions";
import { autoCloseInactiveConversations } from "@/lib/conversations/auto-close";
import { upsertApiCustomers } from "@/lib/api/upsert";
import { companies } from "@/db/schema";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { inboundSms as inbound, listenToWebhooks } from "@/tests/webhooks";

const database = withTestDatabase();

async function companyListening() {
  const db = database.db;
  const company = await createCompany(db);
  return { db, company, ...(await listenToWebhooks(db, company.id)) };
}

describe("webhook events are recorded with the change they report", () => {
  it("an inbound text from a new number: customer.created and message.received, one delivery each; STOP adds customer.opted_out", async () => {
    const { db, company, events, deliveries } = await companyListening();
    await processInboundSms(db, inbound(company, "+15145550199", "Bonjour, mon auto est prête?"));
    const recorded = await events();
    expect(recorded.map((e) => e.type)).toEqual(["customer.created", "message.received"]);
    expect(recorded[1]!.payload).toMatchObject({ message: { from: "+15145550199", body: "Bonjour, mon auto est prête?" } });
    expect(recorded[1]!.customerId).toBe(recorded[0]!.customerId);
    expect(await deliveries()).toHaveLength(2);

    await processInboundSms(db, inbound(company, "+15145550199", "STOP"));
    expect((await events()).map((e) => e.type)).toEqual(["customer.created", "message.received", "message.received", "customer.opted_out", "message.sent", "message.status", "message.status"]);
  });

  it("a sent message: message.sent then message.status; a refused send records nothing", async () => {
    const { db, company, events } = await companyListening();
    const customer = await createCustomer(db, company.id);
    const sent = await sendSms(db, { companyId: company.id, customerId: customer.id, body: "Votre auto est prête", category: "general", source: { kind: "manual" } });
    expect(sent.ok).toBe(true);
    // The local channel reports "sent" then "delivered".
    const types = (await events()).map((e) => e.type);
    expect(types).toEqual(["message.sent", "message.status", "message.status"]);
    expect((await events()).slice(1).map((e) => (e.payload as { message: { status: string } }).message.status)).toEqual(["sent", "delivered"]);
    const stopped = await createCustomer(db, company.id, { optedOutAt: new Date() });
    const refused = await sendSms(db, { companyId: company.id, customerId: stopped.id, body: "Promo", category: "general", source: { kind: "manual" } });
    expect(refused.ok).toBe(false);
    expect(await events()).toHaveLength(3);
  });

  it("staff actions: conversation.assigned, conversation.closed, appointment.confirmed and cancelled", async () => {
    const { db, company, events } = await companyListening();
    const admin = await createUser(db, company.id, { role: "admin" });
    const agent = await createUser(db, company.id);
    const context = contextFor(db, admin, company.id);
    const customer = await createCustomer(db, company.id);
    const conversation = await createConversation(db, company.id, customer.id);
    expect(await assign.run(context, { to: `user:${agent.id}`, conversationIds: [conversation.id] })).toMatchObject({ ok: true });
    expect(await setStatus.run(context, { conversationId: conversation.id, status: "closed" })).toMatchObject({ ok: true });
    const created = await createAppointment.run(context, { customerId: customer.id, date: "2026-12-03", time: "09:30", durationMinutes: 45, type: "Pneus" });
    if (!created.ok) throw new Error(created.error);
    await setAppointmentStatus.run(context, { id: created.data.id, status: "confirmed" });
    await setAppointmentStatus.run(context, { id: created.data.id, status: "cancelled" });
    const recorded = await events();
    expect(recorded.map((e) => e.type)).toEqual(["conversation.assigned", "conversation.closed", "appointment.confirmed", "appointment.cancelled"]);
    expect(recorded[0]!.payload).toMatchObject({ conversation: { id: conversation.id, assignee_user_id: agent.id, assigned_by_user_id: admin.id, reason: "manual" } });
    expect(recorded[1]!.payload).toMatchObject({ conversation: { id: conversation.id, closed_by_user_id: admin.id, reason: "manual" } });
    expect(recorded.every((e) => e.customerId === customer.id)).toBe(true);
  });

  it("a conversation closed for inactivity: conversation.closed with its reason, once", async () => {
    const { db, company, events } = await companyListening();
    await db.update(companies).set({ autoCloseDays: 3 }).where(eq(companies.id, company.id));
    const customer = await createCustomer(db, company.id);
    const conversation = await createConversation(db, company.id, customer.id, { lastActivityAt: new Date(Date.now() - 4 * 24 * 3600_000) });
    await autoCloseInactiveConversations(db);
    await autoCloseInactiveConversations(db);
    const recorded = await events();
    expect(recorded.map((e) => e.type)).toEqual(["conversation.closed"]);
    expect(recorded[0]).toMatchObject({ customerId: customer.id, payload: { conversation: { id: conversation.id, reason: "inactivity", closed_by_user_id: null } } });
  });

  it("customers created by an API batch (the import code): one customer.created each, none for an update", async () => {
    const { db, company, events } = await companyListening();
    const existing = await createCustomer(db, company.id, { mobile: "+15145550111" });
    const outcome = await upsertApiCustomers(db, company.id, [
      { external_id: "DMS-1", mobile: "514 555 0122", first_name: "Nadia" },
      { mobile: "+15145550111", first_name: "Renommé" },
    ]);
    expect(outcome.created).toBe(1);
    const recorded = await events();
    expect(recorded.map((e) => e.type)).toEqual(["customer.created"]);
    expect(recorded[0]).toMatchObject({ payload: { customer: { first_name: "Nadia", external_id: "DMS-1", mobile: "+15145550122", source: "api" } } });
    expect(recorded[0]!.customerId).not.toBe(existing.id);
  });
});
