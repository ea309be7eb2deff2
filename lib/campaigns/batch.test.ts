import { and, eq } from "drizzle-orm";
import { campaignProgress, claimPendingRecipients, findCampaign } from "@/db/queries/campaigns";
import { findCompany } from "@/db/queries/companies";
import * as s from "@/db/schema";
import { drainSettled } from "@/lib/background/drain";
import { subscribe, type LiveEvent } from "@/lib/live/bus";
import { receiveSms } from "@/lib/messaging/inbound/process";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import type { SmsProvider } from "@/lib/messaging/sms/provider";
import { AFTERNOON, at, campaignMessagesOf, confirmedScheduled, NIGHT, noThrottle, recipientsOfCampaign, setupCampaign, type CampaignSetup } from "@/tests/campaigns";
import { withTestDatabase } from "@/tests/db";
import { createConversation, createCustomer } from "@/tests/factories";
import { listenToWebhooks } from "@/tests/webhooks";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "./actions";
import { runCampaign } from "./run";
import { sendCampaignBatch } from "./send-batch";

const database = withTestDatabase();
const messagesOf = (companyId: string) => campaignMessagesOf(database.db, companyId);
const recipientsOf = (campaignId: string) => recipientsOfCampaign(database.db, campaignId);

/** Julie, Sam and `extra` more customers who will be texted; the campaign planned (held by quiet hours at night), nothing sent yet. */
async function planned(extra = 0) {
  const t = await setupCampaign(database.db);
  for (let i = 0; i < extra; i++) await createCustomer(t.db, t.company.id, { firstName: `Client${i}` });
  await confirmedScheduled(t, new Date(Date.now() + 60_000));
  expect(await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(NIGHT))).toEqual({ status: "held" });
  return t;
}

/** What a runner holds to send one batch: the campaign and company as it read them. */
async function batchContext(t: CampaignSetup) {
  const [campaign, company] = await Promise.all([findCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }), findCompany(t.db, { companyId: t.company.id })]);
  return { campaign: campaign!, company: company!, fileLinks: [], definitions: [], throttle: noThrottle };
}

const claim = (t: CampaignSetup, limit: number, staleBefore = new Date(Date.now() - 60_000)) =>
  claimPendingRecipients(t.db, { companyId: t.company.id, campaignId: t.campaignId, limit, now: new Date(), staleBefore });

const stop = async (t: CampaignSetup, mobile: string) => {
  await receiveSms(t.db, { provider: "local", providerMessageId: `stop-${t.campaignId}-${mobile}`, from: mobile, to: t.company.senderNumber!, text: "STOP", receivedAt: new Date() }, { provider: localSmsProvider });
  await drainSettled();
};

/** Sends a planned campaign to the end with `provider`, recording the webhook and live events of its messages. */
async function sendAll(t: CampaignSetup, provider: SmsProvider) {
  const webhooks = await listenToWebhooks(t.db, t.company.id);
  const live: LiveEvent[] = [];
  const unsubscribe = subscribe(t.company.id, (event) => live.push(event));
  try {
    const outcome = await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider, now: AFTERNOON }, throttle: noThrottle, now: AFTERNOON });
    await drainSettled();
    return { outcome, events: await webhooks.events(), live: live.filter((event) => event.type.startsWith("message.")) };
  } finally {
    unsubscribe();
  }
}

/** Each message's events in order, as (type, status) pairs, so two runs compare whatever the ids. */
function eventsByMessage(events: { type: string; payload: unknown }[]) {
  const byMessage = new Map<string, string[]>();
  for (const event of events) {
    const message = (event.payload as { message?: { id: string; status?: string } }).message;
    if (!message) continue;
    byMessage.set(message.id, [...(byMessage.get(message.id) ?? []), `${event.type}${message.status ? `:${message.status}` : ""}`]);
  }
  return byMessage;
}

function liveByMessage(events: LiveEvent[], messages: { id: string; conversationId: string }[]) {
  const byConversation = new Map(messages.map((message) => [message.conversationId, message.id]));
  const byMessage = new Map<string, string[]>();
  for (const event of events) {
    const id = event.type === "message.status" ? event.messageId : event.type === "message.created" ? byConversation.get(event.conversationId) : undefined;
    if (!id) continue;
    byMessage.set(id, [...(byMessage.get(id) ?? []), event.type === "message.status" ? `${event.type}:${event.status}` : event.type]);
  }
  return byMessage;
}

describe("campaign batches", () => {
  it("on the local channel a batch records its texts delivered, with the same webhook and live events a carrier's receipts give", async () => {
    const local = await planned(3);
    // Sam already has a conversation (an older text); the others get a new one.
    const samConversation = await createConversation(local.db, local.company.id, local.customers.sam.id, { lastActivityAt: new Date("2026-11-20T12:00:00Z") });
    const atOnce = await sendAll(local, localSmsProvider);
    expect(atOnce.outcome).toMatchObject({ status: "ran", sent: 5, completed: true });

    // The same campaign through the carrier hand-off: the local channel's send wrapped, its receipts applied as reports.
    const carrier = await planned(3);
    const handedOver = await sendAll(carrier, { name: "local", send: (sms) => localSmsProvider.send(sms) });
    expect(handedOver.outcome).toMatchObject({ status: "ran", sent: 5, completed: true });

    for (const t of [local, carrier]) {
      const sent = await messagesOf(t.company.id);
      expect(sent).toHaveLength(5);
      for (const message of sent) {
        expect(message).toMatchObject({ status: "delivered", provider: "local", errorCode: null });
        expect(message.providerMessageId).toMatch(/^local-/);
        expect(message.sentAt).not.toBeNull();
        expect(message.deliveredAt).not.toBeNull();
      }
      expect(await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId })).toMatchObject({ total: 8, sent: 5, delivered: 5, skipped: 3, pending: 0 });
    }

    const localMessages = await messagesOf(local.company.id);
    const expected = ["message.sent", "message.status:sent", "message.status:delivered"];
    for (const run of [atOnce, handedOver]) {
      const byMessage = eventsByMessage(run.events);
      expect(byMessage.size).toBe(5);
      for (const events of byMessage.values()) expect(events).toEqual(expected);
    }
    const localEvents = eventsByMessage(atOnce.events);
    for (const message of localMessages) expect(localEvents.get(message.id)).toEqual(expected);
    // The webhook payloads have the same shape either way.
    const shape = (events: { type: string; payload: unknown }[]) => [...new Set(events.map((event) => `${event.type} ${Object.keys((event.payload as { message: object }).message).sort().join(",")}`))].sort();
    expect(shape(atOnce.events)).toEqual(shape(handedOver.events));

    const liveExpected = ["message.created", "message.status:sent", "message.status:delivered"];
    for (const [run, t] of [[atOnce, local], [handedOver, carrier]] as const) {
      const byMessage = liveByMessage(run.live, await messagesOf(t.company.id));
      expect(byMessage.size).toBe(5);
      for (const events of byMessage.values()) expect(events).toEqual(liveExpected);
    }

    // Every conversation shows the text as its last message: a new one from its INSERT, Sam's moved forward.
    const conversations = await local.db.select().from(s.conversations).where(eq(s.conversations.companyId, local.company.id));
    expect(conversations).toHaveLength(5);
    for (const message of localMessages) {
      const conversation = conversations.find((row) => row.id === message.conversationId)!;
      expect(conversation).toMatchObject({ lastMessageDirection: "outbound", lastMessagePreview: message.body.slice(0, 200) });
      expect(conversation.lastOutboundAt).toEqual(AFTERNOON);
      expect(conversation.lastActivityAt).toEqual(AFTERNOON);
    }
    expect(localMessages.find((message) => message.customerId === local.customers.sam.id)!.conversationId).toBe(samConversation.id);
  });

  it("two runners holding the same recipients (a claim gone stale, taken again) text each of them once", async () => {
    const t = await planned(6);
    const context = await batchContext(t);
    const first = await claim(t, 50);
    expect(first).toHaveLength(8);
    // The first runner looks dead: its claims are taken again by a second one while it is still about to send.
    const second = await claim(t, 50, new Date(Date.now() + 60_000));
    expect(second.map((r) => r.id).sort()).toEqual(first.map((r) => r.id).sort());
    const dependencies = { provider: localSmsProvider, now: AFTERNOON };
    const [a, b] = await Promise.all([sendCampaignBatch(t.db, context, first, dependencies), sendCampaignBatch(t.db, context, second, dependencies)]);

    const sent = await messagesOf(t.company.id);
    expect(sent).toHaveLength(8);
    expect(new Set(sent.map((m) => m.customerId)).size).toBe(8);
    expect(a.sent + b.sent).toBe(8);
    // Each recipient settled once, on the one text it got.
    const recipients = await recipientsOf(t.campaignId);
    expect(recipients.filter((r) => r.status === "sent")).toHaveLength(8);
    for (const recipient of recipients.filter((r) => r.status === "sent")) expect(sent.find((m) => m.sourceId === recipient.id)?.id).toBe(recipient.messageId);
  });

  it("a runner that stops mid hand-off (a crash, a deploy): the runner taking its batch over texts no one again and says which texts the carrier never confirmed", async () => {
    const t = await planned(8);
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    const context = await batchContext(t);
    const handedOver: string[] = [];
    // The carrier takes three texts; the process stops while it sends the fourth (it never answers).
    const dying: SmsProvider = {
      name: "vonage",
      send: (sms) => (handedOver.push(sms.to), handedOver.length <= 3 ? Promise.resolve({ providerMessageId: `carrier-${sms.clientRef}` }) : new Promise(() => {})),
    };
    const batch = await claim(t, 10);
    expect(batch).toHaveLength(10);
    void sendCampaignBatch(t.db, context, batch, { provider: dying, now: AFTERNOON });
    for (let tries = 0; tries < 100 && handedOver.length < 4; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handedOver).toHaveLength(4);

    // Its claims go stale and another runner takes the batch over, through a carrier that answers.
    const carrier: SmsProvider = { name: "vonage", send: async (sms) => (handedOver.push(sms.to), { providerMessageId: `carrier-${sms.clientRef}` }) };
    const again = await claim(t, 10, new Date(Date.now() + 60_000));
    expect(again.map((r) => r.id).sort()).toEqual(batch.map((r) => r.id).sort());
    const outcome = await sendCampaignBatch(t.db, context, again, { provider: carrier, now: AFTERNOON });
    expect(outcome).toMatchObject({ sent: 3, failed: 7 });
    expect(handedOver).toHaveLength(4);

    const recipients = await recipientsOf(t.campaignId);
    expect(recipients.filter((r) => r.status === "sent")).toHaveLength(3);
    expect(recipients.filter((r) => r.status === "failed").map((r) => r.error)).toEqual(Array(7).fill("interrupted"));
    const messages = await messagesOf(t.company.id);
    expect(messages.filter((m) => m.status === "failed").map((m) => m.errorCode)).toEqual(Array(7).fill("interrupted"));
    expect(messages.filter((m) => m.status === "sent").map((m) => m.providerMessageId).sort()).toEqual(messages.filter((m) => m.status === "sent").map((m) => `carrier-${m.id}`).sort());
  });

  it("STOP arriving mid-campaign stops that customer's pending text, claimed or not yet", async () => {
    const t = await planned(4);
    const context = await batchContext(t);
    const customers = await t.db.select().from(s.customers).where(eq(s.customers.companyId, t.company.id));
    const mobileOf = (customerId: string) => customers.find((c) => c.id === customerId)!.mobile!;
    const dependencies = { provider: localSmsProvider, now: AFTERNOON };

    // A first batch goes out; then one of the next batch says STOP after it was claimed.
    const firstBatch = await claim(t, 2);
    expect(await sendCampaignBatch(t.db, context, firstBatch, dependencies)).toMatchObject({ sent: 2 });
    const secondBatch = await claim(t, 2);
    await stop(t, mobileOf(secondBatch[0]!.customerId));
    expect(await sendCampaignBatch(t.db, context, secondBatch, dependencies)).toMatchObject({ sent: 1, skipped: 1 });
    // And one not yet claimed says STOP before the rest goes.
    const [notYet] = (await recipientsOf(t.campaignId)).filter((r) => r.status === "pending");
    await stop(t, mobileOf(notYet!.customerId));
    expect(await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON))).toMatchObject({ status: "ran", sent: 1, skipped: 1, completed: true });

    const stopped = [secondBatch[0]!.customerId, notYet!.customerId];
    const sent = await messagesOf(t.company.id);
    expect(sent).toHaveLength(4);
    expect(sent.filter((m) => stopped.includes(m.customerId))).toEqual([]);
    const recipients = await recipientsOf(t.campaignId);
    for (const customerId of stopped) expect(recipients.find((r) => r.customerId === customerId)).toMatchObject({ status: "skipped", skipReason: "opted_out", messageId: null });
  });

  it("a pause between the claim and the send records nothing of the batch; resumed, each recipient gets one text", async () => {
    const t = await planned(3);
    const context = await batchContext(t);
    const held = await claim(t, 3);
    expect(await pauseCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "paused" } });
    expect(await sendCampaignBatch(t.db, context, held, { provider: localSmsProvider, now: AFTERNOON })).toMatchObject({ sent: 0, stopped: true });
    expect(await messagesOf(t.company.id)).toHaveLength(0);
    expect((await recipientsOf(t.campaignId)).filter((r) => r.status === "pending").length).toBe(5);

    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    expect(await resumeCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "sending" } });
    await drainSettled("campaign-runs");
    await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON));
    const sent = await messagesOf(t.company.id);
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((m) => m.customerId)).size).toBe(5);
  });

  it("a cancel racing a batch: the batch is recorded whole or not at all, the results add up, nothing is sent after", async () => {
    const t = await planned(6);
    const context = await batchContext(t);
    const held = await claim(t, 4);
    const [batch, cancelled] = await Promise.all([sendCampaignBatch(t.db, context, held, { provider: localSmsProvider, now: AFTERNOON }), cancelCampaign.run(t.context, { id: t.campaignId })]);
    expect(cancelled).toEqual({ ok: true, data: { status: "cancelled" } });
    const sent = await messagesOf(t.company.id);
    expect([0, 4]).toContain(sent.length);
    expect(batch.sent).toBe(sent.length);

    expect(await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON))).toEqual({ status: "idle" });
    expect(await messagesOf(t.company.id)).toHaveLength(sent.length);
    const recipients = await recipientsOf(t.campaignId);
    const progress = await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId });
    expect(progress).toMatchObject({ total: 11, sent: sent.length, skipped: 3, pending: 0, cancelled: 8 - sent.length });
    // A text for every recipient counted sent, none for a cancelled one.
    for (const recipient of recipients) {
      const message = sent.find((m) => m.sourceId === recipient.id);
      if (recipient.status === "sent") expect(message?.id).toBe(recipient.messageId);
      else expect(message).toBeUndefined();
    }
    expect(await t.db.select().from(s.messages).where(and(eq(s.messages.companyId, t.company.id), eq(s.messages.direction, "outbound")))).toHaveLength(sent.length);
  });

  it("through a carrier a batch is at most 10 texts: a pause during a hand-off is noticed within 10, the rest waits, resumed it is texted once", async () => {
    const t = await planned(23);
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    let handedOver = 0;
    const carrier: SmsProvider = {
      name: "vonage",
      send: async (sms) => {
        if (++handedOver === 3) expect(await pauseCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "paused" } });
        return { providerMessageId: `carrier-${sms.clientRef}` };
      },
    };
    // Throttle off, no batch size given: the run picks the carrier's.
    const outcome = await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider: carrier, now: AFTERNOON }, throttle: noThrottle, now: AFTERNOON });
    expect(outcome).toMatchObject({ status: "ran", sent: 10, completed: false });
    expect(handedOver).toBe(10);
    expect(await messagesOf(t.company.id)).toHaveLength(10);
    expect(await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId })).toMatchObject({ sent: 10, pending: 15 });

    expect(await resumeCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "sending" } });
    await drainSettled("campaign-runs");
    await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider: carrier, now: AFTERNOON }, throttle: noThrottle, now: AFTERNOON });
    const sent = await messagesOf(t.company.id);
    expect(sent).toHaveLength(25);
    expect(new Set(sent.map((m) => m.customerId)).size).toBe(25);
  });
});
