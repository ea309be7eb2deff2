import { eq } from "drizzle-orm";
import { GET, POST } from "@/app/api/notifications/unsubscribe/route";
import { listOutboxEmails } from "@/db/queries/outbox";
import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { BELL_COUNT_CAP } from "@/lib/capped-count";
import { conversations, notifications, users, type NotificationPreferences } from "@/db/schema";
import { drainSettled } from "@/lib/background/drain";
import { subscribe } from "@/lib/live/bus";
import { assignConversations } from "@/lib/conversations/assign";
import { acceptInboundSms } from "@/lib/messaging/inbound/accept";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { markNotificationRead, saveNotificationPreferences } from "./actions";
import { EMAIL_DIGEST_MINUTES, sendDueNotificationEmails } from "./email-digest";
import { notify } from "./notify";
import { wantsNotification } from "./preferences";

const database = withTestDatabase();
let counter = 0;

async function setup({ language = "fr" as "fr" | "en" } = {}) {
  const db = database.db;
  const company = await createCompany(db);
  const admin = await createUser(db, company.id, { role: "admin", name: "Sophie Lavoie" });
  const agent = await createUser(db, company.id, { name: "Marc Roy", language });
  const customer = await createCustomer(db, company.id, { firstName: "Julie", lastName: "Tremblay" });
  const conversation = await createConversation(db, company.id, customer.id);
  return { db, company, admin, agent, customer, conversation };
}

async function setPreferences(userId: string, preferences: NotificationPreferences) {
  await database.db.update(users).set({ notificationPreferences: preferences }).where(eq(users.id, userId));
}

/** The emails a user received, newest first (the outbox is this test file's). */
async function mailsTo(email: string) {
  await drainSettled();
  return (await listOutboxEmails(database.db, { limit: 200 })).filter((mail) => mail.to === email);
}

async function rowsOf(userId: string) {
  return database.db.select().from(notifications).where(eq(notifications.userId, userId));
}

async function newMessageFrom(s: Awaited<ReturnType<typeof setup>>, text: string) {
  await acceptInboundSms(s.db, { provider: "local", providerMessageId: `notify-${++counter}`, from: s.customer.mobile!, to: s.company.senderNumber!, text, receivedAt: new Date() });
  await processPendingInbound(s.db);
}

describe("fan-out follows each user's matrix (USER-5)", () => {
  it("defaults: the bell for everyone, no email; reports by email for administrators only", () => {
    const admin = { role: "admin" as const, preferences: {} };
    const agent = { role: "agent" as const, preferences: {} };
    expect(wantsNotification(agent, "conversation.assigned", "web")).toBe(true);
    expect(wantsNotification(agent, "conversation.assigned", "email")).toBe(false);
    expect(wantsNotification(agent, "conversation.assigned", "push")).toBe(true);
    expect(wantsNotification(admin, "report.weekly_progress", "email")).toBe(true);
    expect(wantsNotification(agent, "report.weekly_progress", "email")).toBe(false);
    expect(wantsNotification(admin, "report.weekly_progress", "web")).toBe(false);
    expect(wantsNotification({ role: "agent", preferences: { "reports.daily_deposits": { email: true } } }, "report.daily_deposits", "email")).toBe(true);
  });

  it("web off: no bell row; email on: the notification waits for an email; every channel off: nothing", async () => {
    const s = await setup();
    const quiet = await createUser(s.db, s.company.id);
    await setPreferences(s.agent.id, { "conversations.assigned": { web: false, email: true } });
    await setPreferences(quiet.id, { "conversations.assigned": { web: false, email: false, push: false } });
    const bells: string[] = [];
    const unsubscribe = subscribe(s.company.id, (event) => {
      if (event.type === "notification.created") bells.push(event.userId);
    });
    await assignConversations(s.db, { companyId: s.company.id, userId: s.admin.id, selection: { conversationIds: [s.conversation.id] }, target: { userId: s.agent.id, teamId: null } });
    await notify(s.db, { companyId: s.company.id, userIds: [quiet.id, s.admin.id], kind: "conversation.assigned", data: { count: 1, conversationId: s.conversation.id }, link: `/conversations/${s.conversation.id}` });

    unsubscribe();
    expect(await listNotifications(s.db, { companyId: s.company.id, userId: s.agent.id })).toEqual([]);
    expect(await countUnreadNotifications(s.db, { companyId: s.company.id, userId: s.agent.id })).toBe(0);
    // Only a bell that shows it rings: the agent's open browsers hear nothing.
    expect(bells).toEqual([s.admin.id]);
    const [row] = await rowsOf(s.agent.id);
    expect(row).toMatchObject({ kind: "conversation.assigned", web: false, push: true });
    expect(await rowsOf(quiet.id)).toEqual([]);
    // The admin keeps the defaults: under the bell, no email.
    const [adminRow] = await listNotifications(s.db, { companyId: s.company.id, userId: s.admin.id });
    expect(adminRow).toMatchObject({ kind: "conversation.assigned", customerName: "Julie Tremblay" });
    expect((await rowsOf(s.admin.id))[0]!.emailStatus).toBeNull();
    const [mail] = await mailsTo(s.agent.email);
    expect(mail!.subject).toBe("Une conversation vous a été assignée — Julie Tremblay");
    expect(mail!.text).toContain("Julie Tremblay");
    expect(mail!.text).toContain(`http://localhost:3000/conversations/${s.conversation.id}`);
    expect(await mailsTo(s.admin.email)).toEqual([]);
  });

  it("the inbound fast path follows the assignee's matrix too", async () => {
    const s = await setup();
    await s.db.update(conversations).set({ assigneeUserId: s.agent.id }).where(eq(conversations.id, s.conversation.id));
    await setPreferences(s.agent.id, { "conversations.new_message": { web: false, email: true } });
    await newMessageFrom(s, "Mon auto est-elle prête?");
    const rows = await rowsOf(s.agent.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "conversation.new_message", web: false, push: true });
    expect(await listNotifications(s.db, { companyId: s.company.id, userId: s.agent.id })).toEqual([]);
    expect((await mailsTo(s.agent.email)).map((mail) => mail.subject)).toEqual(["Nouveau message de Julie Tremblay"]);
  });
});

describe("notification emails are batched per user (one per window)", () => {
  it("a second notification within the window waits; after the window one digest carries it", async () => {
    const s = await setup();
    await s.db.update(conversations).set({ assigneeUserId: s.agent.id }).where(eq(conversations.id, s.conversation.id));
    await setPreferences(s.agent.id, { "conversations.new_message": { email: true } });

    await newMessageFrom(s, "Bonjour, mon auto est prête?");
    expect(await mailsTo(s.agent.email)).toHaveLength(1);
    await newMessageFrom(s, "Je peux passer à 16 h?");
    await newMessageFrom(s, "Merci!");
    expect(await mailsTo(s.agent.email)).toHaveLength(1);
    // The sweep within the window sends nothing either.
    expect(await sendDueNotificationEmails(s.db, new Date())).toMatchObject({ sent: 0 });
    expect(await mailsTo(s.agent.email)).toHaveLength(1);

    const later = new Date(Date.now() + (EMAIL_DIGEST_MINUTES + 1) * 60_000);
    expect(await sendDueNotificationEmails(s.db, later)).toMatchObject({ sent: 1 });
    const [digest] = await mailsTo(s.agent.email);
    expect(digest!.subject).toBe("2 nouvelles notifications dans Parley");
    expect(digest!.text).toContain("Je peux passer à 16 h?");
    expect(digest!.text).toContain("Merci!");
    // Sent once: running it again (a retry, the other trigger) sends nothing more.
    expect(await sendDueNotificationEmails(s.db, later)).toMatchObject({ sent: 0 });
    expect(await mailsTo(s.agent.email)).toHaveLength(2);
    expect((await rowsOf(s.agent.id)).map((row) => row.emailStatus)).toEqual(["sent", "sent", "sent"]);
  });
});

describe("notification email content, in the recipient's language", () => {
  for (const language of ["fr", "en"] as const) {
    it(`names the customer, quotes the message, links to the conversation, one-click unsubscribe (${language})`, async () => {
      const s = await setup({ language });
        await s.db.update(conversations).set({ assigneeUserId: s.agent.id }).where(eq(conversations.id, s.conversation.id));
      await setPreferences(s.agent.id, { "conversations.new_message": { email: true } });
      await newMessageFrom(s, "Est-ce que mon auto est prête?");
      const [mail] = await mailsTo(s.agent.email);
      const link = `http://localhost:3000/conversations/${s.conversation.id}`;
      expect(mail!.subject).toBe(language === "fr" ? "Nouveau message de Julie Tremblay" : "New message from Julie Tremblay");
      expect(mail!.html).toContain(`lang="${language}"`);
      expect(mail!.html).toContain("Est-ce que mon auto est prête?");
      expect(mail!.html).toContain(link);
      expect(mail!.text).toContain("Julie Tremblay");
      expect(mail!.text).toContain(language === "fr" ? "Ouvrir la conversation" : "Open the conversation");
      expect(mail!.html).toContain(language === "fr" ? "notifications par courriel sont activées pour : Conversations" : "email notifications are on for: Conversations");
      expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(mail!.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/notifications\/unsubscribe\?token=[\w.-]+>$/);
    });
  }
});

describe("the unsubscribe link (RFC 8058)", () => {
  async function emailed() {
    const s = await setup();
    await setPreferences(s.agent.id, { "conversations.assigned": { email: true, web: true }, "payments.paid_mine": { email: true } });
    await notify(s.db, { companyId: s.company.id, userIds: [s.agent.id], kind: "conversation.assigned", data: { count: 1, conversationId: s.conversation.id }, link: `/conversations/${s.conversation.id}` });
    const [mail] = await mailsTo(s.agent.email);
    const url = mail!.headers["List-Unsubscribe"]!.slice(1, -1);
    return { ...s, url };
  }
  const preferencesOf = async (userId: string) => (await database.db.select().from(users).where(eq(users.id, userId)))[0]!.notificationPreferences;

  it("GET asks with a button that POSTs; POST turns that category's emails off, without signing in", async () => {
    const s = await emailed();
    const page = await GET(new Request(s.url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('method="post"');
    expect(html).toContain("Ne plus recevoir ces courriels");
    // Asking changes nothing.
    expect((await preferencesOf(s.agent.id))["conversations.assigned"]).toEqual({ email: true, web: true });

    const done = await POST(new Request(s.url, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(done.status).toBe(200);
    const preferences = await preferencesOf(s.agent.id);
    expect(preferences["conversations.assigned"]).toEqual({ email: false, web: true });
    expect(preferences["conversations.new_message"]).toEqual({ email: false });
    // Another category stays on.
    expect(preferences["payments.paid_mine"]).toEqual({ email: true });
    expect(wantsNotification({ role: "agent", preferences }, "conversation.assigned", "email")).toBe(false);
  });

  it("a bad or forged token is refused and changes nothing", async () => {
    const s = await emailed();
    const before = await preferencesOf(s.agent.id);
    const token = new URL(s.url).searchParams.get("token")!;
    const [payload] = token.split(".");
    const otherPayload = Buffer.from(JSON.stringify({ u: s.admin.id, c: ["conversations"] })).toString("base64url");
    const bad = [`${payload}.forged`, `${otherPayload}.${token.split(".")[1]}`, "nonsense", ""];
    for (const value of bad) {
      const url = `http://localhost:3000/api/notifications/unsubscribe?token=${encodeURIComponent(value)}`;
      expect((await POST(new Request(url, { method: "POST" }))).status).toBe(400);
      expect((await GET(new Request(url))).status).toBe(400);
    }
    expect((await POST(new Request("http://localhost:3000/api/notifications/unsubscribe", { method: "POST" }))).status).toBe(400);
    expect(await preferencesOf(s.agent.id)).toEqual(before);
    expect(await preferencesOf(s.admin.id)).toEqual({});
  });
});

describe("notification actions", () => {
  const preferencesOf = async (userId: string) => (await database.db.select().from(users).where(eq(users.id, userId)))[0]!.notificationPreferences;

  it("saves the signed-in user's matrix, keeping ticks the form did not send; refuses unknown events and channels", async () => {
    const s = await setup();
    await setPreferences(s.agent.id, { "conversations.assigned": { push: true } });
    const context = contextFor(s.db, s.agent, s.company.id);
    expect(await saveNotificationPreferences.run(context, { preferences: { "conversations.assigned": { web: false, email: true } } })).toEqual({ ok: true, data: null });
    expect(await preferencesOf(s.agent.id)).toEqual({ "conversations.assigned": { push: true, web: false, email: true } });
    for (const preferences of [{ "conversations.nothing": { web: true } }, { "conversations.assigned": { sms: true } }, { "conversations.assigned": { web: "yes" } }]) {
      expect(await saveNotificationPreferences.run(context, { preferences })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    }
    // Reports are email only: a web tick for them is not kept.
    await saveNotificationPreferences.run(context, { preferences: { "reports.weekly_progress": { web: true, email: true } } });
    expect((await preferencesOf(s.agent.id))["reports.weekly_progress"]).toEqual({ email: true });
  });

  it("tenancy: only the session's own preferences, and only in a company they belong to", async () => {
    const s = await setup();
    const other = await setup();
    // A userId in the input is ignored: the session says whose matrix it is.
    await saveNotificationPreferences.run(contextFor(s.db, s.agent, s.company.id), { preferences: { "conversations.assigned": { email: true } }, userId: s.admin.id } as never);
    expect(await preferencesOf(s.admin.id)).toEqual({});
    // A member of company A acting in company B (not theirs) changes nothing.
    expect(await saveNotificationPreferences.run({ ...contextFor(s.db, s.agent, other.company.id) }, { preferences: { "conversations.assigned": { web: false } } })).toEqual({ ok: false, error: "errors.notFound" });
    expect((await preferencesOf(s.agent.id))["conversations.assigned"]).toEqual({ email: true });
  });

  it("the bell counts the unread ones shown under it, up to the 100 that read 99+ however many there are", async () => {
    const s = await setup();
    const row = (values: Partial<typeof notifications.$inferInsert>) => ({ companyId: s.company.id, userId: s.agent.id, kind: "conversation.new_message", ...values });
    await s.db.insert(notifications).values([
      ...Array.from({ length: 3 }, () => row({})),
      row({ readAt: new Date() }),
      row({ web: false, push: true }),
      row({ userId: s.admin.id }),
    ]);
    expect(await countUnreadNotifications(s.db, { companyId: s.company.id, userId: s.agent.id })).toBe(3);
    await s.db.insert(notifications).values(Array.from({ length: 120 }, () => row({})));
    expect(await countUnreadNotifications(s.db, { companyId: s.company.id, userId: s.agent.id })).toBe(BELL_COUNT_CAP);
  });

  it("marks one notification read, never another user's", async () => {
    const s = await setup();
    await notify(s.db, { companyId: s.company.id, userIds: [s.agent.id, s.admin.id], kind: "conversation.new_note", data: { conversationId: s.conversation.id, preview: "Rappeler" }, link: `/conversations/${s.conversation.id}` });
    const [mine] = await listNotifications(s.db, { companyId: s.company.id, userId: s.agent.id });
    const [theirs] = await listNotifications(s.db, { companyId: s.company.id, userId: s.admin.id });
    expect(mine).toMatchObject({ customerName: "Julie Tremblay", data: { preview: "Rappeler" } });
    expect(await markNotificationRead.run(contextFor(s.db, s.agent, s.company.id), { id: theirs!.id })).toEqual({ ok: true, data: null });
    expect(await countUnreadNotifications(s.db, { companyId: s.company.id, userId: s.admin.id })).toBe(1);
    await markNotificationRead.run(contextFor(s.db, s.agent, s.company.id), { id: mine!.id });
    expect(await countUnreadNotifications(s.db, { companyId: s.company.id, userId: s.agent.id })).toBe(0);
    expect(await markNotificationRead.run(contextFor(s.db, s.agent, s.company.id), { id: "not-an-id" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    const adminRows = await s.db.select().from(notifications).where(eq(notifications.userId, s.admin.id));
    expect(adminRows[0]!.readAt).toBeNull();
  });
});
