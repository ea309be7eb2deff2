import { eq } from "drizzle-orm";
import { appointments, notifications } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { createAppointment, setAppointmentStatus, updateAppointment } from "./actions";
import { cancelAppointment, confirmAppointment, listAppointmentsForDay } from "./appointments";

const database = withTestDatabase();

async function setup() {
  const db = database.db;
  const company = await createCompany(db, { timezone: "America/Toronto" });
  const agent = await createUser(db, company.id);
  const customer = await createCustomer(db, company.id);
  const conversation = await createConversation(db, company.id, customer.id);
  return { db, company, agent, customer, conversation, context: contextFor(db, agent, company.id) };
}

describe("appointments (CUST-5, CONV-10)", () => {
  it("are created in the company's time zone and listed by day with the customer's conversation", async () => {
    const s = await setup();
    const created = await createAppointment.run(s.context, { customerId: s.customer.id, date: "2026-12-03", time: "09:30", durationMinutes: 45, type: "Pneus d'hiver" });
    expect(created).toMatchObject({ ok: true, data: { startAt: "2026-12-03T14:30:00.000Z" } });
    const day = await listAppointmentsForDay(s.db, { companyId: s.company.id, day: "2026-12-03", timeZone: "America/Toronto" });
    expect(day.map((row) => [row.appointment.type, row.conversationId])).toEqual([["Pneus d'hiver", s.conversation.id]]);
    expect(await listAppointmentsForDay(s.db, { companyId: s.company.id, day: "2026-12-04", timeZone: "America/Toronto" })).toEqual([]);
    const id = created.ok ? created.data.id : "";
    expect(await updateAppointment.run(s.context, { id, date: "2026-12-04", time: "08:00", durationMinutes: 60, type: "Pneus d'hiver" })).toMatchObject({ ok: true, data: { startAt: "2026-12-04T13:00:00.000Z" } });
  });

  it("change status by staff, and by the customer's answer with a notification to the assignee", async () => {
    const s = await setup();
    const created = await createAppointment.run(s.context, { customerId: s.customer.id, date: "2026-12-03", time: "10:00", durationMinutes: 30, type: "Inspection" });
    const id = created.ok ? created.data.id : "";
    expect(await setAppointmentStatus.run(s.context, { id, status: "no_show" })).toEqual({ ok: true, data: { id, status: "no_show" } });
    await confirmAppointment(s.db, s.company.id, id);
    await cancelAppointment(s.db, s.company.id, id);
    const [saved] = await s.db.select().from(appointments).where(eq(appointments.id, id));
    expect(saved).toMatchObject({ status: "cancelled", statusChangedBy: "customer" });
    const kinds = (await s.db.select().from(notifications).where(eq(notifications.userId, s.agent.id))).map((n) => n.kind).sort();
    expect(kinds).toEqual(["appointment.cancelled", "appointment.confirmed"]);
  });

  it("refuses bad dates, times and durations, unknown statuses and other companies' records", async () => {
    const s = await setup();
    expect(await createAppointment.run(s.context, { customerId: s.customer.id, date: "03/12/2026", time: "25:00", durationMinutes: 0, type: "" })).toMatchObject({
      ok: false,
      fieldErrors: { date: ["appointments.dateInvalid"], time: ["appointments.timeInvalid"], durationMinutes: ["appointments.durationInvalid"], type: ["appointments.typeRequired"] },
    });
    const other = await setup();
    expect(await createAppointment.run(s.context, { customerId: other.customer.id, date: "2026-12-03", time: "10:00", durationMinutes: 30, type: "X" })).toEqual({ ok: false, error: "errors.notFound" });
    const theirs = await createAppointment.run(other.context, { customerId: other.customer.id, date: "2026-12-03", time: "10:00", durationMinutes: 30, type: "X" });
    const theirId = theirs.ok ? theirs.data.id : "";
    expect(await setAppointmentStatus.run(s.context, { id: theirId, status: "cancelled" })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await setAppointmentStatus.run(s.context, { id: theirId, status: "postponed" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    expect(await confirmAppointment(s.db, s.company.id, theirId)).toBeNull();
  });
});
