import { listAutomationResults } from "@/db/queries/automation-results";
import { eq } from "drizzle-orm";
import { appointments, automationResults, automations, messages, notes, notifications } from "@/db/schema";
import { automationSourcesOf, listResultNotes, reminderProblemsOf } from "@/db/queries/automation-result-links";
import { latestReminderProblems } from "./reminder-problems";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createTeam, createUser } from "@/tests/factories";
import { findTemplate, templateDefinition } from "./library";
import { createAutomationFromTemplate } from "./library-actions";
import { addResultNote, loadAutomationResults } from "./results-actions";

const database = withTestDatabase();

async function setup() {
  const db = database.db;
  const company = await createCompany(db);
  const admin = await createUser(db, company.id, { role: "admin", name: "Admin" });
  const sam = await createUser(db, company.id, { name: "Sam" });
  const kim = await createUser(db, company.id, { name: "Kim" });
  const customer = await createCustomer(db, company.id, { firstName: "Marie" });
  const [automation] = await db
    .insert(automations)
    .values({ companyId: company.id, name: "Rappel veille", type: "appointment_reminder", status: "active", messageBody: "Bonjour", triggerScope: "appointment" })
    .returning();
  const [result] = await db
    .insert(automationResults)
    .values({ companyId: company.id, automationId: automation!.id, customerId: customer.id, triggerKey: "k1", status: "sent", sentAt: new Date() })
    .returning();
  return { db, company, admin, sam, kim, customer, automation: automation!, result: result! };
}

const notificationsOf = async (userId: string) => database.db.select().from(notifications).where(eq(notifications.userId, userId));

describe("notes on an automation result", () => {
  it("notifies the mentioned user and a mentioned team's members, with a link back to the result", async () => {
    const { db, company, admin, sam, kim, automation, result } = await setup();
    const team = await createTeam(db, company.id, [kim.id, admin.id]);
    const added = await addResultNote.run(contextFor(db, admin, company.id), { resultId: result.id, body: "@Sam @Service client mécontent, rappelez-le", mentions: { userIds: [sam.id], teamIds: [team.id] } });
    expect(added.ok).toBe(true);
    for (const user of [sam, kim]) {
      const [notification] = await notificationsOf(user.id);
      expect(notification).toMatchObject({ kind: "automation.result_note", link: `/automations/${automation.id}?result=${result.id}` });
      expect(notification!.data).toMatchObject({ automationName: "Rappel veille", resultId: result.id });
    }
    // The author is not notified of their own note.
    expect(await notificationsOf(admin.id)).toEqual([]);
    const [note] = await listResultNotes(db, { companyId: company.id, resultIds: [result.id] });
    expect(note).toMatchObject({ body: "@Sam @Service client mécontent, rappelez-le", authorName: "Admin", resultId: result.id });
    // Internal: nothing is texted.
    expect(await db.select().from(messages).where(eq(messages.companyId, company.id))).toEqual([]);
  });

  it("refuses another company's result and people from another company", async () => {
    const { db, company, admin, result } = await setup();
    const other = await createCompany(db);
    const outsider = await createUser(db, other.id, { role: "admin" });
    const stranger = await addResultNote.run(contextFor(db, outsider, other.id), { resultId: result.id, body: "Coucou" });
    expect(stranger).toMatchObject({ ok: false, error: "errors.notFound" });
    const wrongMention = await addResultNote.run(contextFor(db, admin, company.id), { resultId: result.id, body: "@x", mentions: { userIds: [outsider.id] } });
    expect(wrongMention).toMatchObject({ ok: false, error: "notes.mentionInvalid" });
    const empty = await addResultNote.run(contextFor(db, admin, company.id), { resultId: result.id, body: "   " });
    expect(empty.ok).toBe(false);
    expect(await db.select().from(notes).where(eq(notes.automationResultId, result.id))).toEqual([]);
  });
});

describe("the results list", () => {
  it("pages through results newest first with their notes, and never shows another company's", async () => {
    const { db, company, admin, sam, customer, automation, result } = await setup();
    const extra = [];
    for (let i = 0; i < 30; i++) {
      const [row] = await db
        .insert(automationResults)
        .values({ companyId: company.id, automationId: automation.id, customerId: customer.id, triggerKey: `k-extra-${i}`, status: i % 3 === 0 ? "failed" : "sent", error: i % 3 === 0 ? "Invalid number" : null, createdAt: new Date(Date.now() - (i + 1) * 60_000) })
        .returning();
      extra.push(row!);
    }
    await addResultNote.run(contextFor(db, admin, company.id), { resultId: extra[29]!.id, body: "Le plus ancien" });
    const first = await loadAutomationResults.run(contextFor(db, sam, company.id), { automationId: automation.id });
    expect(first.ok && first.data.rows.length).toBe(25);
    expect(first.ok && first.data.rows[0]!.id).toBe(result.id);
    const second = await loadAutomationResults.run(contextFor(db, sam, company.id), { automationId: automation.id, cursor: first.ok ? first.data.nextCursor : null });
    expect(second.ok && second.data.rows.map((row) => row.id)).toEqual(extra.slice(24).map((row) => row.id));
    expect(second.ok && second.data.nextCursor).toBeNull();
    expect(second.ok && second.data.notes.map((note) => note.body)).toEqual(["Le plus ancien"]);
    const failed = await loadAutomationResults.run(contextFor(db, sam, company.id), { automationId: automation.id, status: "failed" });
    expect(failed.ok && failed.data.rows.every((row) => row.status === "failed" && row.error === "Invalid number")).toBe(true);
    // A link to the oldest result (beyond the first page) finds it alone.
    const linked = await listAutomationResults(db, { companyId: company.id, automationId: automation.id, resultId: extra[29]!.id, limit: 1 });
    expect(linked.rows.map((row) => row.id)).toEqual([extra[29]!.id]);

    const other = await createCompany(db);
    const outsider = await createUser(db, other.id, { role: "admin" });
    expect(await loadAutomationResults.run(contextFor(db, outsider, other.id), { automationId: automation.id })).toMatchObject({ ok: false, error: "errors.notFound" });
  });

  it("names the automation behind a thread's message and an appointment's undelivered reminder, only within the company", async () => {
    const { db, company, automation, result } = await setup();
    expect(await automationSourcesOf(db, { companyId: company.id, resultIds: [result.id] })).toEqual([{ resultId: result.id, automationId: automation.id, automationName: "Rappel veille" }]);
    const other = await createCompany(db);
    expect(await automationSourcesOf(db, { companyId: other.id, resultIds: [result.id] })).toEqual([]);
    const appointmentId = "00000000-0000-4000-8000-00000000a001";
    await db.update(automationResults).set({ appointmentId, status: "failed", error: "Landline" }).where(eq(automationResults.id, result.id));
    expect(await reminderProblemsOf(db, { companyId: company.id, appointmentIds: [appointmentId] })).toMatchObject([{ appointmentId, automationName: "Rappel veille", status: "failed", error: "Landline" }]);
    expect(await reminderProblemsOf(db, { companyId: other.id, appointmentIds: [appointmentId] })).toEqual([]);
  });

  it("shows the latest undelivered text of each appointment where it is listed, never an 'already texted' skip", async () => {
    const { db, company, automation, customer } = await setup();
    const [appointment] = await db.insert(appointments).values({ companyId: company.id, customerId: customer.id, startAt: new Date("2026-12-03T15:00:00Z") }).returning();
    const result = (triggerKey: string, values: Partial<typeof automationResults.$inferInsert>, at: string) => ({
      companyId: company.id,
      automationId: automation.id,
      customerId: customer.id,
      appointmentId: appointment!.id,
      triggerKey,
      createdAt: new Date(at),
      ...values,
    });
    await db.insert(automationResults).values([
      result("t1", { status: "skipped", skipReason: "quiet_hours" }, "2026-12-01T10:00:00Z"),
      result("t2", { status: "failed", error: "Landline" }, "2026-12-02T10:00:00Z"),
      result("t3", { status: "skipped", skipReason: "already_texted" }, "2026-12-02T11:00:00Z"),
    ]);
    const problems = await latestReminderProblems(db, { companyId: company.id, appointmentIds: [appointment!.id] });
    expect([...problems.values()]).toMatchObject([{ appointmentId: appointment!.id, status: "failed", error: "Landline", automationName: "Rappel veille" }]);
    expect((await latestReminderProblems(db, { companyId: (await createCompany(db)).id, appointmentIds: [appointment!.id] })).size).toBe(0);
  });
});

describe("activating a library template", () => {
  it("creates the automation active, remembering its template", async () => {
    const { db, company, admin, sam } = await setup();
    const template = findTemplate("reminder_day_before")!;
    const definition = templateDefinition(template, { locale: "fr", repliesUserId: sam.id });
    const created = await createAutomationFromTemplate.run(contextFor(db, admin, company.id), { templateKey: template.key, definition });
    expect(created).toMatchObject({ ok: true, data: { status: "active" } });
    const [row] = await db.select().from(automations).where(eq(automations.id, created.ok ? created.data.id : ""));
    expect(row).toMatchObject({ templateKey: "reminder_day_before", status: "active", fallbackUserId: sam.id, triggerScope: "appointment", name: "Rappel de rendez-vous la veille" });
    expect(row!.activatedAt).not.toBeNull();
    expect(row!.keywordResponses.map((response) => response.action)).toEqual(["confirm_appointment", "cancel_appointment", "reschedule_appointment"]);
  });

  it("is for those who manage automations, with users of the company, and known templates", async () => {
    const { db, company, admin, sam } = await setup();
    const template = findTemplate("welcome")!;
    const definition = templateDefinition(template, { locale: "en", repliesUserId: sam.id });
    expect(await createAutomationFromTemplate.run(contextFor(db, sam, company.id), { templateKey: "welcome", definition })).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect(await createAutomationFromTemplate.run(contextFor(db, admin, company.id), { templateKey: "nope", definition })).toMatchObject({ ok: false, error: "errors.notFound" });
    const other = await createCompany(db);
    const outsider = await createUser(db, other.id);
    const foreign = await createAutomationFromTemplate.run(contextFor(db, admin, company.id), { templateKey: "welcome", definition: { ...definition, fallbackUserId: outsider.id } });
    expect(foreign.ok).toBe(false);
    expect(await db.select().from(automations).where(eq(automations.name, "Welcome text for new customers"))).toEqual([]);
  });
});
