import { eq } from "drizzle-orm";
import { memberships, notifications, pushDeliveries, pushSubscriptions } from "@/db/schema";
import { savePushSubscription } from "@/db/queries/push";
import { drainSettled } from "@/lib/background/drain";
import { notify } from "@/lib/notifications/notify";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { withFakePushService } from "@/tests/fakes/push-service";
import { deliverPendingPushes } from "./deliver";

const database = withTestDatabase();
const service = withFakePushService();

async function deviceOf(user: { id: string }, companyId: string) {
  const device = service.subscribe();
  const id = await savePushSubscription(database.db, {
    companyId,
    userId: user.id,
    subscription: { endpoint: device.endpoint, p256dh: device.keys.p256dh, auth: device.keys.auth, userAgent: "jest", deviceLabel: "Test phone" },
  });
  return { ...device, subscriptionId: id };
}

async function conversationWith(companyId: string, firstName: string) {
  const customer = await createCustomer(database.db, companyId, { firstName, lastName: "Gagnon" });
  return createConversation(database.db, companyId, customer.id);
}

/** Records a notification the way the app does and lets the background push it. */
async function notifyAndSettle(...args: Parameters<typeof notify>) {
  await notify(...args);
  await drainSettled("push");
}

const decrypted = (device: Awaited<ReturnType<typeof deviceOf>>) => service.pushesTo(device.id).map((push) => JSON.parse(device.decrypt(push.body)) as Record<string, string>);

describe("Web Push delivery", () => {
  it("pushes a new message to each device of the user, encrypted for it, in their language, naming the customer", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id, { language: "en" });
    const phone = await deviceOf(agent, company.id);
    const laptop = await deviceOf(agent, company.id);
    const conversation = await conversationWith(company.id, "Chloé");

    await notifyAndSettle(database.db, {
      companyId: company.id,
      userIds: [agent.id],
      kind: "conversation.new_message",
      data: { conversationId: conversation.id, customerName: "Chloé Gagnon", preview: "Is my car ready?" },
      link: `/conversations/${conversation.id}`,
    });

    for (const device of [phone, laptop]) {
      expect(decrypted(device)).toEqual([{ title: "Chloé Gagnon", body: "Is my car ready?", url: `/conversations/${conversation.id}`, tag: `conversation-${conversation.id}` }]);
      const [push] = service.pushesTo(device.id);
      expect(push!.headers["content-encoding"]).toBe("aes128gcm");
      expect(push!.headers.urgency).toBe("high");
    }
    const [row] = await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, phone.subscriptionId));
    expect(row!.lastSuccessAt).not.toBeNull();
  });

  it("writes in French for a French user, titling an assignment with the conversation's customer", async () => {
    const company = await createCompany(database.db);
    const admin = await createUser(database.db, company.id, { role: "admin", language: "fr" });
    const device = await deviceOf(admin, company.id);
    const conversation = await conversationWith(company.id, "Mathieu");

    await notifyAndSettle(database.db, {
      companyId: company.id,
      userIds: [admin.id],
      kind: "conversation.assigned",
      data: { count: 1, conversationId: conversation.id, byUserId: null },
      link: `/conversations/${conversation.id}`,
    });

    expect(decrypted(device)).toEqual([{ title: "Mathieu Gagnon", body: "Une conversation vous a été assignée", url: `/conversations/${conversation.id}`, tag: `conversation-${conversation.id}` }]);
  });

  it("never pushes the same notification to a device twice, however often delivery runs", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id, { language: "en" });
    const device = await deviceOf(agent, company.id);
    await notifyAndSettle(database.db, { companyId: company.id, userIds: [agent.id], kind: "conversation.mention", data: { preview: "@agent can you call?" }, link: "/conversations" });

    await Promise.all([deliverPendingPushes(database.db), deliverPendingPushes(database.db)]);
    await deliverPendingPushes(database.db, { companyId: company.id });

    expect(service.pushesTo(device.id)).toHaveLength(1);
  });

  it("removes a device the push service says is gone (410) and keeps pushing to the others", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id, { language: "en" });
    const gone = await deviceOf(agent, company.id);
    const kept = await deviceOf(agent, company.id);
    service.reply(gone.id, 410);

    await notifyAndSettle(database.db, { companyId: company.id, userIds: [agent.id], kind: "conversation.new_message", data: { preview: "Hello" }, link: "/conversations" });

    expect(await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, gone.subscriptionId))).toEqual([]);
    expect(service.pushesTo(gone.id)).toHaveLength(0);
    expect(decrypted(kept)).toHaveLength(1);
  });

  it("tries again later when the push service is busy (429, 5xx), once the wait is over", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id, { language: "en" });
    const device = await deviceOf(agent, company.id);
    service.reply(device.id, 503, 429);

    await notifyAndSettle(database.db, { companyId: company.id, userIds: [agent.id], kind: "conversation.new_message", data: { preview: "Still there?" }, link: "/conversations" });
    expect(service.pushesTo(device.id)).toHaveLength(0);
    const [delivery] = await database.db.select().from(pushDeliveries).where(eq(pushDeliveries.subscriptionId, device.subscriptionId));
    expect(delivery).toMatchObject({ status: "retry", attempts: 1 });

    // Not before its time.
    await deliverPendingPushes(database.db, { companyId: company.id });
    expect(service.pushesTo(device.id)).toHaveLength(0);

    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    expect(await deliverPendingPushes(database.db, { companyId: company.id, now: later(2) })).toMatchObject({ retry: 1 });
    // The 429 asked for 30 seconds.
    expect(await deliverPendingPushes(database.db, { companyId: company.id, now: later(3) })).toMatchObject({ sent: 1 });
    expect(decrypted(device).map((payload) => payload.body)).toEqual(["Still there?"]);
    await deliverPendingPushes(database.db, { companyId: company.id, now: later(60) });
    expect(service.pushesTo(device.id)).toHaveLength(1);
  });

  it("sends nothing to a user who turned push off for that event, nor for events off by default", async () => {
    const company = await createCompany(database.db);
    const quiet = await createUser(database.db, company.id, { language: "en", notificationPreferences: { "conversations.new_message": { push: false } } });
    const eager = await createUser(database.db, company.id, { language: "en", notificationPreferences: { "imports.completed": { push: true } } });
    const quietDevice = await deviceOf(quiet, company.id);
    const eagerDevice = await deviceOf(eager, company.id);

    await notifyAndSettle(database.db, { companyId: company.id, userIds: [quiet.id, eager.id], kind: "conversation.new_message", data: { preview: "Hi" }, link: "/conversations" });
    await notifyAndSettle(database.db, { companyId: company.id, userIds: [quiet.id, eager.id], kind: "import.completed", data: { count: 12 }, link: "/customers" });

    expect(service.pushesTo(quietDevice.id)).toHaveLength(0);
    expect(decrypted(eagerDevice).map((payload) => payload.title)).toEqual(["New message in a conversation assigned to you", "Import completed: 12 rows imported"]);
  });

  it("words a push as the bell words it: the import's file name as title, what happened below", async () => {
    const company = await createCompany(database.db);
    const admin = await createUser(database.db, company.id, { language: "fr", notificationPreferences: { "imports.completed": { push: true } } });
    const device = await deviceOf(admin, company.id);

    await notifyAndSettle(database.db, { companyId: company.id, userIds: [admin.id], kind: "import.completed", data: { fileName: "clients-2026.csv", count: 3 }, link: "/customers/imports" });

    expect(decrypted(device)).toEqual([{ title: "clients-2026.csv", body: expect.stringMatching(/^Importation terminée.*3/), url: "/customers/imports", tag: expect.stringMatching(/^notification-/) }]);
  });

  it("pushes to a user who wants an event on their phone only, with the bell and email off", async () => {
    const company = await createCompany(database.db);
    const phoneOnly = await createUser(database.db, company.id, { language: "en", notificationPreferences: { "conversations.assigned": { web: false, email: false, push: true } } });
    const device = await deviceOf(phoneOnly, company.id);
    const conversation = await conversationWith(company.id, "Maude");

    await notifyAndSettle(database.db, { companyId: company.id, userIds: [phoneOnly.id], kind: "conversation.assigned", data: { conversationId: conversation.id }, link: `/conversations/${conversation.id}` });

    expect(decrypted(device).map((payload) => payload.url)).toEqual([`/conversations/${conversation.id}`]);
    const rows = await database.db.select().from(notifications).where(eq(notifications.userId, phoneOnly.id));
    expect(rows.map((row) => [row.web, row.emailStatus])).toEqual([[false, null]]);
  });

  it("sends nothing to a deactivated member's devices", async () => {
    const company = await createCompany(database.db);
    const leaver = await createUser(database.db, company.id, { language: "en" });
    const device = await deviceOf(leaver, company.id);
    await database.db.update(memberships).set({ active: false }).where(eq(memberships.userId, leaver.id));
    await notifyAndSettle(database.db, { companyId: company.id, userIds: [leaver.id], kind: "conversation.new_message", data: { preview: "Hi" }, link: "/conversations" });
    await deliverPendingPushes(database.db);
    expect(service.pushesTo(device.id)).toHaveLength(0);
  });

  it("does not push a device what was notified before it subscribed", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id, { language: "en" });
    await notifyAndSettle(database.db, { companyId: company.id, userIds: [agent.id], kind: "conversation.new_message", data: { preview: "Before" }, link: "/conversations" });
    const device = await deviceOf(agent, company.id);
    await deliverPendingPushes(database.db, { companyId: company.id });
    expect(service.pushesTo(device.id)).toHaveLength(0);
  });

  it("forgets finished deliveries after the look-back window without pushing their notifications again", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id, { language: "en" });
    const device = await deviceOf(agent, company.id);
    await notifyAndSettle(database.db, { companyId: company.id, userIds: [agent.id], kind: "conversation.new_message", data: { preview: "Old news" }, link: "/conversations" });
    expect(await database.db.select().from(pushDeliveries).where(eq(pushDeliveries.subscriptionId, device.subscriptionId))).toHaveLength(1);

    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3600_000);
    await database.db.update(notifications).set({ createdAt: threeDaysAgo }).where(eq(notifications.userId, agent.id));
    await database.db.update(pushDeliveries).set({ createdAt: threeDaysAgo }).where(eq(pushDeliveries.subscriptionId, device.subscriptionId));

    await deliverPendingPushes(database.db);
    expect(await database.db.select().from(pushDeliveries).where(eq(pushDeliveries.subscriptionId, device.subscriptionId))).toHaveLength(0);
    await deliverPendingPushes(database.db);
    expect(service.pushesTo(device.id)).toHaveLength(1);
  });
});
