import { eq } from "drizzle-orm";
import { automations } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import {
  activateAutomation,
  archiveAutomation,
  countAutomationAudience,
  createAutomation,
  dryRunAutomationDraft,
  duplicateAutomation,
  pauseAutomation,
  resumeAutomation,
  saveAutomationDraft,
  updateAutomation,
} from "./actions";
import type { AutomationDefinition } from "./types";
import { emptyDefinition, stepsWithErrors } from "./validation";

const database = withTestDatabase();

async function setup() {
  const company = await createCompany(database.db);
  const admin = await createUser(database.db, company.id, { role: "admin" });
  const agent = await createUser(database.db, company.id);
  return { company, adminUser: admin, admin: contextFor(database.db, admin, company.id), agent: contextFor(database.db, agent, company.id) };
}

function reminder(overrides: Partial<AutomationDefinition> = {}): AutomationDefinition {
  return {
    ...emptyDefinition("appointment_reminder"),
    name: "Rappel de rendez-vous",
    messageBody: 'Bonjour { customer.first_name | "" }, rappel de votre rendez-vous demain. Répondez OUI pour confirmer.',
    keywordResponses: [
      { id: "yes", keywords: ["Oui", "Yes", "OK", "D'accord", "Bien sûr"], reply: "Merci, à demain !", action: "confirm_appointment" },
      { id: "no", keywords: ["Non", "No"], reply: "C'est noté, votre rendez-vous est annulé.", action: "cancel_appointment" },
    ],
    rules: { all: [{ any: [{ category: "appointment", attribute: "start_at", operator: "within_next_days", value: 1 }] }] },
    ...overrides,
  };
}

describe("automation wizard actions (AUTO-2…AUTO-7)", () => {
  it("creates a draft, edits it, activates it after confirmation, then pauses, resumes, duplicates and archives it", async () => {
    const { admin, adminUser } = await setup();
    const created = await createAutomation.run(admin, { definition: reminder({ fallbackUserId: adminUser.id }) });
    expect(created).toMatchObject({ ok: true, data: { status: "draft" } });
    const id = created.ok ? created.data.id : "";

    expect(await updateAutomation.run(admin, { id, definition: reminder({ name: "Rappel J-1", dailyAt: "17:30" }) })).toMatchObject({ ok: true });
    expect(await activateAutomation.run(admin, { id })).toEqual({ ok: true, data: { id, status: "active" } });
    const [active] = await database.db.select().from(automations).where(eq(automations.id, id));
    expect(active).toMatchObject({ name: "Rappel J-1", dailyAt: "17:30", status: "active", triggerScope: "appointment" });
    expect(active!.activatedAt).toBeInstanceOf(Date);
    expect(active!.keywordResponses[0]).toMatchObject({ keywords: ["Oui", "Yes", "OK", "D'accord", "Bien sûr"], action: "confirm_appointment" });

    expect(await pauseAutomation.run(admin, { id })).toEqual({ ok: true, data: { id, status: "paused" } });
    expect(await pauseAutomation.run(admin, { id })).toEqual({ ok: true, data: { id, status: "paused" } });
    expect(await resumeAutomation.run(admin, { id })).toEqual({ ok: true, data: { id, status: "active" } });

    const copy = await duplicateAutomation.run(admin, { id, name: "Rappel J-1 (copie)" });
    expect(copy).toMatchObject({ ok: true, data: { status: "draft" } });
    const [copied] = await database.db.select().from(automations).where(eq(automations.id, copy.ok ? copy.data.id : ""));
    expect(copied).toMatchObject({ name: "Rappel J-1 (copie)", messageBody: active!.messageBody, dailyAt: "17:30", keywordResponses: active!.keywordResponses });

    expect(await archiveAutomation.run(admin, { id })).toEqual({ ok: true, data: { id, status: "archived" } });
    // Archived stays archived: not resumed, not edited.
    expect(await resumeAutomation.run(admin, { id })).toEqual({ ok: false, error: "automations.wizard.errors.statusChanged" });
    expect(await updateAutomation.run(admin, { id, definition: reminder() })).toEqual({ ok: false, error: "errors.notFound" });
  });

  it("creates active at once when asked, and keeps an unfinished draft that cannot go live until complete", async () => {
    const { admin } = await setup();
    expect(await createAutomation.run(admin, { definition: reminder(), activate: true })).toMatchObject({ ok: true, data: { status: "active" } });

    const draft = await saveAutomationDraft.run(admin, { definition: { ...emptyDefinition("general"), name: "Bienvenue" } });
    expect(draft).toMatchObject({ ok: true, data: { status: "draft" } });
    const id = draft.ok ? draft.data.id : "";
    expect(await activateAutomation.run(admin, { id })).toEqual({ ok: false, error: "automations.wizard.errors.incomplete" });
    expect(await saveAutomationDraft.run(admin, { id, definition: { ...emptyDefinition("general"), name: "Bienvenue", messageBody: "Bienvenue chez nous !" } })).toMatchObject({ ok: true });
    expect(await activateAutomation.run(admin, { id })).toMatchObject({ ok: true, data: { status: "active" } });
    // Once live it is edited with the full validation, no longer as a draft.
    expect(await saveAutomationDraft.run(admin, { id, definition: { ...emptyDefinition("general"), name: "X" } })).toEqual({ ok: false, error: "automations.wizard.errors.notADraft" });
  });

  it("refuses a keyword used in two responses at the replies step", async () => {
    const { admin } = await setup();
    const result = await createAutomation.run(admin, {
      definition: reminder({
        keywordResponses: [
          { id: "a", keywords: ["Oui", "OK"], reply: "Merci" },
          // Same word once accents, case and punctuation are ignored.
          { id: "b", keywords: ["ok!", "Peut-être"], reply: "D'accord" },
        ],
      }),
    });
    expect(result).toMatchObject({ ok: false, error: "errors.invalidInput", fieldErrors: { "definition.keywordResponses.1.keywords": ["automations.wizard.errors.keywordInTwoResponses"] } });
    expect(stepsWithErrors(result.ok ? undefined : result.fieldErrors)).toEqual(["replies"]);
  });

  it("refuses STOP / HELP words as keywords: compliance always answers them first", async () => {
    const { admin } = await setup();
    const result = await createAutomation.run(admin, { definition: reminder({ keywordResponses: [{ id: "a", keywords: ["Stop"], reply: "Bye" }] }) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "definition.keywordResponses.0.keywords": ["automations.wizard.errors.reservedKeyword"] } });
  });

  it("refuses an automation without a message at the message step", async () => {
    const { admin } = await setup();
    const result = await createAutomation.run(admin, { definition: reminder({ messageBody: "   " }) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "definition.messageBody": ["automations.wizard.errors.messageRequired"] } });
    expect(stepsWithErrors(result.ok ? undefined : result.fieldErrors)).toEqual(["message"]);
  });

  it("refuses a rule without a value at the customers step", async () => {
    const { admin } = await setup();
    const result = await createAutomation.run(admin, {
      definition: reminder({ rules: { all: [{ any: [{ category: "customer", attribute: "first_name", operator: "contains", value: "" }] }] } }),
    });
    expect(result).toMatchObject({ ok: false, error: "errors.invalidInput" });
    const fieldErrors = result.ok ? {} : result.fieldErrors!;
    expect(Object.values(fieldErrors).flat()).toContain("automations.errors.ruleValueMissing");
    expect(stepsWithErrors(fieldErrors)).toEqual(["customers"]);
  });

  it("refuses a message with an unknown attribute, and a replies user from another company", async () => {
    const { admin } = await setup();
    expect(await createAutomation.run(admin, { definition: reminder({ messageBody: "Bonjour { client.prenom }" }) })).toMatchObject({ ok: false, error: "templates.unknownAttributes" });
    const other = await setup();
    expect(await createAutomation.run(admin, { definition: reminder({ fallbackUserId: other.adminUser.id }) })).toEqual({ ok: false, error: "automations.wizard.errors.unknownUser" });
  });

  it("keeps each company's automations to itself: another company cannot read, edit, activate, pause, duplicate or archive them", async () => {
    const mine = await setup();
    const theirs = await setup();
    const created = await createAutomation.run(mine.admin, { definition: reminder() });
    const id = created.ok ? created.data.id : "";
    const notFound = { ok: false, error: "errors.notFound" };
    expect(await updateAutomation.run(theirs.admin, { id, definition: reminder({ name: "Pris" }) })).toEqual(notFound);
    expect(await saveAutomationDraft.run(theirs.admin, { id, definition: reminder({ name: "Pris" }) })).toEqual(notFound);
    expect(await activateAutomation.run(theirs.admin, { id })).toEqual(notFound);
    expect(await pauseAutomation.run(theirs.admin, { id })).toEqual(notFound);
    expect(await archiveAutomation.run(theirs.admin, { id })).toEqual(notFound);
    expect(await duplicateAutomation.run(theirs.admin, { id, name: "Copie" })).toEqual(notFound);
    const [row] = await database.db.select().from(automations).where(eq(automations.id, id));
    expect(row).toMatchObject({ name: "Rappel de rendez-vous", status: "draft", companyId: mine.company.id });
  });

  it("refuses agents: managing automations needs the automation permission", async () => {
    const { admin, agent } = await setup();
    const created = await createAutomation.run(admin, { definition: reminder() });
    const id = created.ok ? created.data.id : "";
    const forbidden = { ok: false, error: "errors.forbidden" };
    expect(await createAutomation.run(agent, { definition: reminder() })).toEqual(forbidden);
    expect(await activateAutomation.run(agent, { id })).toEqual(forbidden);
    expect(await archiveAutomation.run(agent, { id })).toEqual(forbidden);
    expect(await updateAutomation.run(agent, { id, definition: reminder() })).toEqual(forbidden);
  });

  it("counts the audience live and dry-runs the unsaved draft: each customer's exact text, or why they'd be skipped, only within the company", async () => {
    const { company, admin } = await setup();
    await createCustomer(database.db, company.id, { firstName: "Julie", lastName: "Zed" });
    await createCustomer(database.db, company.id, { firstName: "Marc", lastName: "Zed", mobile: null });
    await createCustomer(database.db, company.id, { firstName: "Alice", lastName: "Autre" });
    const other = await setup();
    await createCustomer(database.db, other.company.id, { firstName: "Julie", lastName: "Zed" });
    const rules = { all: [{ any: [{ category: "customer" as const, attribute: "last_name", operator: "is" as const, value: "Zed" }] }] };

    expect(await countAutomationAudience.run(admin, { rules, triggerScope: "customer" })).toEqual({ ok: true, data: { count: 2 } });
    const definition = { ...emptyDefinition("general"), name: "Bienvenue", messageBody: 'Bonjour { customer.first_name | "" }, bienvenue !', rules };
    const dry = await dryRunAutomationDraft.run(admin, { definition, limit: 10 });
    expect(dry.ok).toBe(true);
    const rows = dry.ok ? dry.data.rows : [];
    expect(dry.ok && dry.data.count).toBe(2);
    expect(rows.find((row) => row.name === "Julie Zed")).toMatchObject({ text: "Bonjour Julie, bienvenue !", skipReason: null });
    expect(rows.find((row) => row.name === "Marc Zed")).toMatchObject({ skipReason: "no_mobile" });
    // A rule without its value is not counted.
    expect(await countAutomationAudience.run(admin, { rules: { all: [{ any: [{ category: "customer", attribute: "last_name", operator: "is", value: "" }] }] }, triggerScope: "customer" })).toMatchObject({
      ok: false,
      fieldErrors: { "rules.all.0.any.0.value": ["automations.errors.ruleValueMissing"] },
    });
  });
});
