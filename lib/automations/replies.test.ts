import { and, desc, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { automationTotals, listAutomationResults } from "@/db/queries/automation-results";
import { anthropicClient, useAiClient } from "@/lib/ai/client";
import { drainSettled } from "@/lib/background/drain";
import { receiveSms } from "@/lib/messaging/inbound/process";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { acceptInboundSms } from "@/lib/messaging/inbound/accept";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { startFakeAnthropic } from "@/tests/fakes/anthropic";
import { handleInboundReply, handlePendingReplies } from "./replies";
import { runAutomation } from "./run";
import { SenderThrottle } from "@/lib/messaging/throttle";

const database = withTestDatabase();
const options = { dependencies: { provider: localSmsProvider }, throttle: new SenderThrottle(0) };
const sentAt = (now: Date) => ({ dependencies: { provider: localSmsProvider, now }, throttle: new SenderThrottle(0) });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
let anthropic: Awaited<ReturnType<typeof startFakeAnthropic>>;
beforeAll(async () => {
  anthropic = await startFakeAnthropic();
  // Offline unless a test switches the model on.
  useAiClient(null);
});
afterAll(async () => {
  useAiClient(undefined);
  await anthropic.close();
});
const useAnthropic = () => useAiClient(anthropicClient({ apiKey: "sk-test", baseURL: anthropic.baseURL, model: "claude-haiku-5-5" }));

const CONFIRM = { id: "yes", keywords: ["Oui", "Yes", "OK", "D'accord", "Bien sûr"], reply: "Merci, à demain!", action: "confirm_appointment" as const };
const CANCEL = { id: "no", keywords: ["Non", "No", "Annuler"], reply: "C'est noté, votre rendez-vous est annulé.", action: "cancel_appointment" as const };
const RESCHEDULE = { id: "move", keywords: ["Changer", "Reporter"], reply: "Nous vous appelons pour trouver une autre date.", action: "reschedule_appointment" as const };

let counter = 0;

async function reminderSetup(values: Partial<typeof s.automations.$inferInsert> = {}) {
  const db = database.db;
  const company = await createCompany(db, { timezone: "America/Toronto" });
  const advisor = await createUser(db, company.id, { name: "Marc Conseiller" });
  const repliesUser = await createUser(db, company.id, { name: "Sophie Réception" });
  const [automation] = await db
    .insert(s.automations)
    .values({
      companyId: company.id,
      name: "Rappel de rendez-vous",
      type: "appointment_reminder",
      status: "active",
      triggerScope: "appointment",
      messageBody: "Rappel : rendez-vous le { appointment.start_at_date }. Répondez OUI pour confirmer, NON pour annuler.",
      keywordResponses: [CONFIRM, CANCEL, RESCHEDULE],
      fallbackUserId: repliesUser.id,
      ...values,
    })
    .returning();
  const customer = await createCustomer(db, company.id, { firstName: "Hélène" });
  const [appointment] = await db
    .insert(s.appointments)
    .values({ companyId: company.id, customerId: customer.id, startAt: new Date(Date.now() + 20 * 3600_000), type: "Entretien", assignedUserId: advisor.id })
    .returning();
  await runAutomation(db, { companyId: company.id, automationId: automation!.id, now: new Date(), force: true }, options);
  const reply = async (text: string) => {
    const outcome = await receiveSms(db, { provider: "local", providerMessageId: `reply-${++counter}`, from: customer.mobile!, to: company.senderNumber!, text, receivedAt: new Date() }, { provider: localSmsProvider });
    await drainSettled();
    return outcome;
  };
  const result = async () => (await db.select().from(s.automationResults).where(eq(s.automationResults.automationId, automation!.id)))[0]!;
  const appointmentNow = async () => (await db.select().from(s.appointments).where(eq(s.appointments.id, appointment!.id)))[0]!;
  const outbound = () =>
    db.select().from(s.messages).where(and(eq(s.messages.customerId, customer.id), eq(s.messages.direction, "outbound"))).orderBy(desc(s.messages.createdAt));
  const notificationsOf = (userId: string, kind: string) =>
    db.select().from(s.notifications).where(and(eq(s.notifications.userId, userId), eq(s.notifications.kind, kind)));
  return { db, company, advisor, repliesUser, automation: automation!, customer, appointment: appointment!, reply, result, appointmentNow, outbound, notificationsOf };
}

describe("replies to a reminder", () => {
  it("OUI confirms the appointment, answers, notifies, routes the conversation and shows in the results", async () => {
    const t = await reminderSetup();
    expect((await t.result()).status).toBe("sent");
    await t.reply("oui!! 👍");
    expect((await t.appointmentNow())).toMatchObject({ status: "confirmed", statusChangedBy: "customer" });
    const result = await t.result();
    expect(result).toMatchObject({ matchedResponseId: "yes", classification: "confirm", appointmentStatus: "confirmed" });
    expect(result.replyHandledAt).not.toBeNull();
    const [autoReply] = await t.outbound();
    expect(autoReply).toMatchObject({ body: "Merci, à demain!", sourceKind: "keyword_reply", sourceId: result.id });
    // The appointment's advisor hears it (appointment.confirmed), the replies user too.
    expect(await t.notificationsOf(t.advisor.id, "appointment.confirmed")).toHaveLength(1);
    const confirmed = await t.notificationsOf(t.repliesUser.id, "automation.appointment_confirmed");
    expect(confirmed).toHaveLength(1);
    // It names the customer, as a new-message notification does.
    expect(confirmed[0]!.data).toMatchObject({ customerName: "Hélène Tremblay" });
    const [conversation] = await t.db.select().from(s.conversations).where(eq(s.conversations.customerId, t.customer.id));
    expect(conversation!.assigneeUserId).toBe(t.repliesUser.id);
    const page = await listAutomationResults(t.db, { companyId: t.company.id, automationId: t.automation.id });
    expect(page.rows[0]).toMatchObject({ replyBody: "oui!! 👍", appointmentStatus: "confirmed", conversationId: conversation!.id, firstName: "Hélène" });
    expect(await automationTotals(t.db, { companyId: t.company.id, automationId: t.automation.id })).toMatchObject({ sent: 1, replied: 1, confirmed: 1 });

    // A second message is an ordinary message: no second auto-reply.
    await t.reply("Oui oui");
    expect((await t.outbound()).filter((m) => m.sourceKind === "keyword_reply")).toHaveLength(1);
  });

  it("NON cancels; variants match case-, accent- and punctuation-insensitively, on whole words", async () => {
    const t = await reminderSetup();
    await t.reply("Non, désolé je ne pourrai pas");
    expect((await t.appointmentNow()).status).toBe("cancelled");
    expect(await t.notificationsOf(t.advisor.id, "appointment.cancelled")).toHaveLength(1);
    expect(await t.notificationsOf(t.repliesUser.id, "automation.appointment_cancelled")).toHaveLength(1);

    const accents = await reminderSetup();
    await accents.reply("BIEN SUR.");
    expect((await accents.appointmentNow()).status).toBe("confirmed");

    // "Nonobstant" contains "non" but not as a word; "ok" inside "okay"? not a word either.
    const words = await reminderSetup();
    await words.reply("Nonobstant la météo, je serai là");
    expect((await words.appointmentNow()).status).toBe("scheduled");
    expect((await words.result()).matchedResponseId).toBeNull();
  });

  it("when several responses match, the first one in the automation's order wins", async () => {
    const t = await reminderSetup();
    await t.reply("Oui mais je veux reporter");
    expect((await t.result()).matchedResponseId).toBe("yes");
    const reordered = await reminderSetup({ keywordResponses: [RESCHEDULE, CONFIRM, CANCEL] });
    await reordered.reply("Oui mais je veux reporter");
    expect(await reordered.result()).toMatchObject({ matchedResponseId: "move", classification: "reschedule", appointmentStatus: "reschedule_requested" });
    expect((await reordered.appointmentNow()).status).toBe("scheduled");
    expect(await reordered.notificationsOf(reordered.repliesUser.id, "automation.reschedule_requested")).toHaveLength(1);
  });

  it("STOP beats every keyword: the customer is opted out, no keyword answer, the appointment is untouched", async () => {
    const t = await reminderSetup({ keywordResponses: [{ id: "stop-word", keywords: ["Stop", "Oui"], reply: "Ne devrait jamais partir", action: "cancel_appointment" }] });
    await t.reply("STOP");
    const [customer] = await t.db.select().from(s.customers).where(eq(s.customers.id, t.customer.id));
    expect(customer!.optedOutAt).not.toBeNull();
    expect((await t.appointmentNow()).status).toBe("scheduled");
    expect(await t.result()).toMatchObject({ matchedResponseId: null, classification: "other" });
    expect((await t.outbound()).some((m) => m.body === "Ne devrait jamais partir")).toBe(false);
  });

  it("falls back: nothing matched → the fallback reply and the fallback user", async () => {
    const t = await reminderSetup({ fallbackReply: "Merci, un conseiller vous répond bientôt." });
    await t.reply("Est-ce que je peux venir avec ma fille?");
    const [last] = await t.outbound();
    expect(last).toMatchObject({ body: "Merci, un conseiller vous répond bientôt.", sourceKind: "keyword_reply" });
    const [conversation] = await t.db.select().from(s.conversations).where(eq(s.conversations.customerId, t.customer.id));
    expect(conversation!.assigneeUserId).toBe(t.repliesUser.id);
    expect((await t.appointmentNow()).status).toBe("scheduled");
  });

  it("with Anthropic, an unmatched reminder reply is classified and acted on, with a summary", async () => {
    useAnthropic();
    try {
      anthropic.answerWith((call) =>
        call.system.includes("appointment reminder")
          ? '{"classification":"confirm","summary":"Confirme, aura 15 min de retard."}'
          : '{"sentiment":"neutral","score":null,"explanation":"Neutre."}',
      );
      const t = await reminderSetup({ aiReplies: true, fallbackReply: "Ne doit pas partir: l'IA a compris" });
      await t.reply("oui mais j'aurai 15 min de retard");
      // "oui" matches first: keywords win before the model is asked.
      expect((await t.result()).matchedResponseId).toBe("yes");

      const ai = await reminderSetup({ aiReplies: true, fallbackReply: "Ne doit pas partir: l'IA a compris" });
      await ai.reply("je serai là mais avec 15 min de retard");
      expect(await ai.result()).toMatchObject({ matchedResponseId: null, classification: "confirm", replySummary: "Confirme, aura 15 min de retard.", appointmentStatus: "confirmed" });
      expect((await ai.outbound()).some((m) => m.body.startsWith("Ne doit pas partir"))).toBe(false);

      anthropic.answerWith(() => '{"classification":"reschedule","summary":"Demande jeudi plutôt."}');
      const move = await reminderSetup({ aiReplies: true });
      await move.reply("est-ce qu'on peut faire jeudi plutôt?");
      expect(await move.result()).toMatchObject({ classification: "reschedule", replySummary: "Demande jeudi plutôt.", appointmentStatus: "reschedule_requested" });
      expect(await move.notificationsOf(move.repliesUser.id, "automation.reschedule_requested")).toHaveLength(1);

      anthropic.answerWith(() => '{"classification":"question","summary":"Demande si la navette est offerte."}');
      const question = await reminderSetup({ aiReplies: true });
      await question.reply("Avez-vous une navette?");
      expect(await question.result()).toMatchObject({ classification: "question", replySummary: "Demande si la navette est offerte." });
      const [attention] = await question.notificationsOf(question.repliesUser.id, "automation.reply_needs_attention");
      expect(attention!.data).toMatchObject({ summary: "Demande si la navette est offerte." });

      // Without aiReplies, the model is never asked.
      const before = anthropic.calls.length;
      const off = await reminderSetup({ aiReplies: false });
      await off.reply("je serai là mais avec 15 min de retard");
      expect(anthropic.calls.length).toBe(before);
      expect((await off.result()).classification).toBeNull();
    } finally {
      useAiClient(null);
    }
  });
});

describe("emotion and scores", () => {
  async function surveySetup(values: Partial<typeof s.automations.$inferInsert> = {}) {
    const db = database.db;
    const company = await createCompany(db);
    const manager = await createUser(db, company.id, { name: "Directrice" });
    const [automation] = await db
      .insert(s.automations)
      .values({
        companyId: company.id,
        name: "Sondage IST",
        type: "general",
        status: "active",
        triggerScope: "customer",
        messageBody: "Sur 10, quelle note donnez-vous à votre visite?",
        sentimentEnabled: true,
        sentimentScale: 10,
        negativeNotifyUserIds: [manager.id],
        ...values,
      })
      .returning();
    const customers = await Promise.all([0, 1, 2, 3].map((i) => createCustomer(db, company.id, { firstName: `C${i}` })));
    await runAutomation(db, { companyId: company.id, automationId: automation!.id, now: new Date(), force: true }, options);
    const reply = async (index: number, text: string) => {
      await receiveSms(db, { provider: "local", providerMessageId: `survey-${++counter}`, from: customers[index]!.mobile!, to: company.senderNumber!, text, receivedAt: new Date() }, { provider: localSmsProvider });
      await drainSettled();
    };
    const resultOf = async (index: number) =>
      (await db.select().from(s.automationResults).where(and(eq(s.automationResults.automationId, automation!.id), eq(s.automationResults.customerId, customers[index]!.id))))[0]!;
    return { db, company, manager, automation: automation!, reply, resultOf };
  }

  it("offline: the lexicon reads French and English, a number is the score, a negative reply notifies", async () => {
    const t = await surveySetup();
    await t.reply(0, "Service horrible, très déçu");
    await t.reply(1, "Merci beaucoup, excellent travail!");
    await t.reply(2, "Je donne 9/10");
    await t.reply(3, "Terrible service, very disappointed");
    expect(await t.resultOf(0)).toMatchObject({ sentiment: "negative", score: null });
    expect(await t.resultOf(1)).toMatchObject({ sentiment: "positive" });
    expect(await t.resultOf(2)).toMatchObject({ sentiment: "positive", score: 9 });
    expect(await t.resultOf(3)).toMatchObject({ sentiment: "negative" });
    const notified = await t.db.select().from(s.notifications).where(and(eq(s.notifications.userId, t.manager.id), eq(s.notifications.kind, "automation.negative_reply")));
    expect(notified).toHaveLength(2);
    expect(notified[0]!.link).toMatch(new RegExp(`^/automations/${t.automation.id}\\?result=`));
    const totals = await automationTotals(t.db, { companyId: t.company.id, automationId: t.automation.id });
    expect(totals).toMatchObject({ replied: 4, negative: 2, positive: 2, averageScore: 9 });
  });

  it("a low score is negative", async () => {
    const t = await surveySetup();
    await t.reply(0, "3");
    expect(await t.resultOf(0)).toMatchObject({ sentiment: "negative", score: 3 });
  });

  it("with Anthropic, the model classifies and explains", async () => {
    useAnthropic();
    try {
      anthropic.answerWith(() => '{"sentiment":"negative","score":4,"explanation":"Client mécontent du délai."}');
      const t = await surveySetup();
      await t.reply(0, "4, trop long");
      expect(await t.resultOf(0)).toMatchObject({ sentiment: "negative", score: 4, replySummary: "Client mécontent du délai." });
      // A broken answer falls back to the lexicon.
      anthropic.answerWith(() => ({ status: 500, body: { type: "error", error: { type: "api_error", message: "down" } } }));
      const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
      await t.reply(1, "Merci beaucoup, excellent travail!");
      consoleError.mockRestore();
      expect(await t.resultOf(1)).toMatchObject({ sentiment: "positive" });
    } finally {
      useAiClient(null);
    }
  });
});

describe("attribution", () => {
  it("a reply outside the window is an ordinary message; the latest text sent wins; the sweep catches a lost check", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const make = async (name: string, replyWindowDays: number) =>
      (await db.insert(s.automations).values({ companyId: company.id, name, status: "active", messageBody: name, replyWindowDays, sentimentEnabled: true }).returning())[0]!;
    const older = await make("Ancienne", 7);
    await runAutomation(db, { companyId: company.id, automationId: older.id, now: daysAgo(3), force: true }, sentAt(daysAgo(3)));
    const newer = await make("Récente", 7);
    await runAutomation(db, { companyId: company.id, automationId: newer.id, now: daysAgo(1), force: true }, sentAt(daysAgo(1)));

    // Stored without the in-process check (as if the event was lost).
    const [conversation] = await db.select().from(s.conversations).where(eq(s.conversations.customerId, customer.id));
    const [message] = await db
      .insert(s.messages)
      .values({ companyId: company.id, conversationId: conversation!.id, customerId: customer.id, direction: "inbound", body: "Merci, excellent!", sourceKind: "customer", status: "received" })
      .returning();
    expect(await handlePendingReplies(db, new Date(), options.dependencies)).toMatchObject({ handled: 1 });
    const results = await db.select().from(s.automationResults).where(eq(s.automationResults.customerId, customer.id));
    expect(results.find((r) => r.automationId === newer.id)).toMatchObject({ replyMessageId: message!.id, sentiment: "positive" });
    expect(results.find((r) => r.automationId === older.id)!.replyMessageId).toBeNull();
    // Handling again does nothing more.
    expect(await handlePendingReplies(db, new Date(), options.dependencies)).toMatchObject({ due: 0 });
    expect(await handleInboundReply(db, { companyId: company.id, messageId: message!.id })).toEqual({ status: "ordinary" });

    // Out of the window: an ordinary message.
    const outside = await createCustomer(db, company.id);
    const narrow = await make("Fenêtre courte", 1);
    await runAutomation(db, { companyId: company.id, automationId: narrow.id, now: daysAgo(3), force: true }, sentAt(daysAgo(3)));
    const [late] = await db
      .insert(s.messages)
      .values({
        companyId: company.id,
        conversationId: (await db.select().from(s.conversations).where(eq(s.conversations.customerId, outside.id)))[0]!.id,
        customerId: outside.id,
        direction: "inbound",
        body: "Oui",
        sourceKind: "customer",
        status: "received",
      })
      .returning();
    expect(await handleInboundReply(db, { companyId: company.id, messageId: late!.id })).toEqual({ status: "ordinary" });
  });

  it("through the grouped inbound path: a reply on day 50 of a 60-day window is answered; a customer no automation texted just gets stored", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const texted = await createCustomer(db, company.id);
    const [automation] = await db
      .insert(s.automations)
      .values({ companyId: company.id, name: "Suivi d'entretien", status: "active", messageBody: "Tout va bien avec votre véhicule ?", replyWindowDays: 60, keywordResponses: [{ id: "yes", keywords: ["Oui"], reply: "Merci de votre confiance!" }] })
      .returning();
    await runAutomation(db, { companyId: company.id, automationId: automation!.id, now: daysAgo(50), force: true }, sentAt(daysAgo(50)));
    const stranger = await createCustomer(db, company.id);
    await createConversation(db, company.id, stranger.id);
    for (const customer of [texted, stranger]) {
      await acceptInboundSms(db, { provider: "local", providerMessageId: `grouped-reply-${++counter}`, from: customer.mobile!, to: company.senderNumber!, text: "Oui", receivedAt: new Date() });
    }
    await processPendingInbound(db, { dependencies: { provider: localSmsProvider } });
    await drainSettled();

    const [result] = await db.select().from(s.automationResults).where(eq(s.automationResults.automationId, automation!.id));
    expect(result).toMatchObject({ customerId: texted.id, matchedResponseId: "yes" });
    const answers = await db.select().from(s.messages).where(and(eq(s.messages.companyId, company.id), eq(s.messages.direction, "outbound"), eq(s.messages.body, "Merci de votre confiance!")));
    expect(answers.map((message) => message.customerId)).toEqual([texted.id]);
    const strangerMessages = await db.select().from(s.messages).where(eq(s.messages.customerId, stranger.id));
    expect(strangerMessages.map((message) => [message.direction, message.body])).toEqual([["inbound", "Oui"]]);
  });

  it("another company's message never answers this company's automation", async () => {
    const t = await reminderSetup();
    const other = await createCompany(database.db);
    expect(await handleInboundReply(database.db, { companyId: other.id, messageId: (await t.result()).messageId! })).toEqual({ status: "ordinary" });
  });
});
