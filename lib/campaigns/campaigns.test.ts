import { and, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { campaignProgress, listCampaignRecipients } from "@/db/queries/campaigns";
import { insertAttachment, setAttachmentOwner } from "@/db/queries/files";
import { newPublicToken } from "@/lib/files/files";
import { drainSettled } from "@/lib/background/drain";
import { receiveSms } from "@/lib/messaging/inbound/process";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { SmsSendError, type SmsProvider } from "@/lib/messaging/sms/provider";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { AFTERNOON, at, campaignMessagesOf, confirmedScheduled, type CampaignSetup, NIGHT, noThrottle, recipientsOfCampaign, setupCampaign } from "@/tests/campaigns";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import {
  addCampaignRecipientNote,
  cancelCampaign,
  confirmCampaign,
  dryRunCampaign,
  pauseCampaign,
  resumeCampaign,
  countCampaignAudience,
  saveCampaign,
} from "./actions";
import { addCustomersToGroup, createGroup } from "@/lib/groups/actions";
import { RULE_ERRORS } from "@/lib/automations/rules/schema";
import { runCampaign, runCampaigns } from "./run";
import { handlePendingReplies } from "@/lib/automations/replies";

const database = withTestDatabase();

const setup = (options?: Parameters<typeof setupCampaign>[1]) => setupCampaign(database.db, options);

async function confirmed(t: CampaignSetup) {
  const dry = await dryRunCampaign.run(t.context, { id: t.campaignId });
  if (!dry.ok) throw new Error(dry.error);
  const result = await confirmCampaign.run(t.context, { id: t.campaignId, confirmedCount: dry.data.willReceive });
  if (!result.ok) throw new Error(result.error);
  // The confirm's in-process run (default throttle) finishes before the test goes on.
  await drainSettled("campaign-runs");
  return dry.data;
}

const campaignMessages = (companyId: string) => campaignMessagesOf(database.db, companyId);
const recipientsOf = (campaignId: string) => recipientsOfCampaign(database.db, campaignId);

describe("campaigns", () => {
  it("dry run: counts and skip reasons, the billable SMS and the first texts exactly as sent, with the opt-out footer", async () => {
    const t = await setup();
    const dry = await dryRunCampaign.run(t.context, { id: t.campaignId });
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.data.matching).toBe(5);
    expect(dry.data.willReceive).toBe(2);
    expect(dry.data.skipped.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: "no_mobile", count: 1 },
      { reason: "opted_out", count: 1 },
      { reason: "unsubscribed_marketing", count: 1 },
    ]);
    expect(dry.data.segmentsPerText).toBeGreaterThanOrEqual(1);
    expect(dry.data.billableSms).toBe(2 * dry.data.segmentsPerText);
    const julie = dry.data.sample.find((row) => row.customerId === t.customers.julie.id)!;
    expect(julie.text).toBe("Bonjour Julie, pneus d'hiver -20 % chez Beaulieu Auto.\nBeaulieu Auto: Répondez ARRET pour vous désabonner");
    const sam = dry.data.sample.find((row) => row.customerId === t.customers.sam.id)!;
    expect(sam.text).toMatch(/\nBeaulieu Auto: Reply STOP to unsubscribe$/);

    // What was previewed is what is sent, to exactly as many (quiet hours off: the sweep runs at the real time).
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await t.db.update(s.campaigns).set({ sendAt: new Date(Date.now() + 3_600_000) }).where(eq(s.campaigns.id, t.campaignId));
    expect(await confirmCampaign.run(t.context, { id: t.campaignId, confirmedCount: 2 })).toEqual({ ok: true, data: { status: "scheduled" } });
    await runCampaigns(t.db, new Date(Date.now() + 3_700_000), at(AFTERNOON));
    const sent = await campaignMessages(t.company.id);
    expect(sent).toHaveLength(dry.data.willReceive);
    expect(sent.find((m) => m.customerId === t.customers.julie.id)!.body).toBe(julie.text);
    expect(sent.every((m) => m.marketing)).toBe(true);
  });

  it("never texts opted-out, unsubscribed or mobile-less customers; completes and notifies the creator and replies user", async () => {
    const t = await setup();
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    const outcome = await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON));
    expect(outcome).toMatchObject({ status: "ran", planned: 5, sent: 2, completed: true });
    const sent = await campaignMessages(t.company.id);
    expect(sent.map((m) => m.customerId).sort()).toEqual([t.customers.julie.id, t.customers.sam.id].sort());
    const recipients = await recipientsOf(t.campaignId);
    for (const row of recipients) {
      if (row.status === "sent") expect(sent.find((m) => m.sourceId === row.id)?.customerId).toBe(row.customerId);
    }
    expect(Object.fromEntries(recipients.filter((r) => r.status === "skipped").map((r) => [r.customerId, r.skipReason]))).toEqual({
      [t.customers.stop.id]: "opted_out",
      [t.customers.nomarketing.id]: "unsubscribed_marketing",
      [t.customers.nomobile.id]: "no_mobile",
    });
    const [campaign] = await t.db.select().from(s.campaigns).where(eq(s.campaigns.id, t.campaignId));
    expect(campaign!.status).toBe("completed");
    const notified = await t.db.select().from(s.notifications).where(and(eq(s.notifications.companyId, t.company.id), eq(s.notifications.kind, "campaign.completed")));
    expect(notified.map((n) => n.userId).sort()).toEqual([t.admin.id, t.replier.id].sort());
    expect(await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId })).toMatchObject({ total: 5, sent: 2, delivered: 2, skipped: 3, pending: 0 });
  });

  it("confirming is refused when the count changed since the dry run", async () => {
    const t = await setup();
    const dry = await dryRunCampaign.run(t.context, { id: t.campaignId });
    if (!dry.ok) throw new Error(dry.error);
    await createCustomer(t.db, t.company.id, { firstName: "Nouveau" });
    const refused = await confirmCampaign.run(t.context, { id: t.campaignId, confirmedCount: dry.data.willReceive });
    expect(refused).toMatchObject({ ok: false, error: "campaigns.errors.countChanged" });
    const [campaign] = await t.db.select().from(s.campaigns).where(eq(s.campaigns.id, t.campaignId));
    expect(campaign!.status).toBe("draft");
  });

  it("quiet hours hold marketing (planned, not sent); STOP meanwhile stops that customer's pending text", async () => {
    const t = await setup();
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    expect(await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(NIGHT))).toEqual({ status: "held" });
    expect((await recipientsOf(t.campaignId)).filter((r) => r.status === "pending")).toHaveLength(2);
    expect(await campaignMessages(t.company.id)).toHaveLength(0);

    await receiveSms(t.db, { provider: "local", providerMessageId: `stop-${t.campaignId}`, from: t.customers.sam.mobile!, to: t.company.senderNumber!, text: "STOP", receivedAt: new Date() }, { provider: localSmsProvider });
    await drainSettled();
    const outcome = await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON));
    expect(outcome).toMatchObject({ status: "ran", sent: 1, skipped: 1 });
    const sent = await campaignMessages(t.company.id);
    expect(sent.map((m) => m.customerId)).toEqual([t.customers.julie.id]);
    const sam = (await recipientsOf(t.campaignId)).find((r) => r.customerId === t.customers.sam.id)!;
    expect(sam).toMatchObject({ status: "skipped", skipReason: "opted_out" });
  });

  it.each([
    ["a plain text (sent in batches)", undefined],
    ["a review request (sent one by one)", { kind: "review_request" as const }],
  ])("quiet hours beginning while %s is sending: the run stops at once, nothing goes out, the rest waits", async (_label, request) => {
    const t = await setupCampaign(database.db);
    if (request) await t.db.update(s.campaigns).set({ request }).where(eq(s.campaigns.id, t.campaignId));
    await confirmedScheduled(t, new Date(Date.now() + 3_600_000));
    // The run starts outside quiet hours; by the texts' own clock (the real time) they have begun.
    const hhmm = (date: Date) => date.toISOString().slice(11, 16);
    await t.db.update(s.companies).set({ timezone: "UTC", quietHoursStart: hhmm(new Date(Date.now() - 30 * 60_000)), quietHoursEnd: hhmm(new Date(Date.now() + 30 * 60_000)) }).where(eq(s.companies.id, t.company.id));

    const outcome = await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider: localSmsProvider }, throttle: noThrottle, now: new Date(Date.now() + 6 * 3_600_000), batchSize: 1 });

    expect(outcome).toMatchObject({ status: "ran", sent: 0, completed: false });
    expect(await campaignMessagesOf(t.db, t.company.id)).toHaveLength(0);
    expect((await recipientsOfCampaign(t.db, t.campaignId)).filter((r) => r.status === "pending").map((r) => r.claimedAt)).toEqual([null, null]);
  });

  it("a review request (sent one by one) whose runner stopped mid send: taken over, that text shows interrupted and is not sent again; the other goes out", async () => {
    const t = await setupCampaign(database.db);
    await t.db.update(s.campaigns).set({ request: { kind: "review_request" } }).where(eq(s.campaigns.id, t.campaignId));
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    const handedOver: string[] = [];
    // The process stops while the carrier has the first text (it never answers).
    const dying: SmsProvider = { name: "vonage", send: (sms) => (handedOver.push(sms.to), new Promise(() => {})) };
    void runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider: dying }, throttle: noThrottle, batchSize: 1 });
    for (let tries = 0; tries < 100 && handedOver.length < 1; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handedOver).toHaveLength(1);
    // Its claim goes stale; another runner takes over.
    await t.db.update(s.campaignRecipients).set({ claimedAt: new Date(Date.now() - 10 * 60_000) }).where(and(eq(s.campaignRecipients.campaignId, t.campaignId), eq(s.campaignRecipients.status, "sending")));
    const carrier: SmsProvider = { name: "vonage", send: async (sms) => (handedOver.push(sms.to), { providerMessageId: `carrier-${sms.clientRef}` }) };
    const outcome = await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider: carrier }, throttle: noThrottle });
    expect(outcome).toMatchObject({ status: "ran", sent: 1, failed: 1, completed: true });
    expect(handedOver).toHaveLength(2);
    expect(new Set(handedOver).size).toBe(2);
    const recipients = await recipientsOfCampaign(t.db, t.campaignId);
    expect(recipients.filter((r) => r.status !== "skipped").map((r) => [r.status, r.error]).sort()).toEqual([["failed", "interrupted"], ["sent", null]]);
    const messages = await campaignMessagesOf(t.db, t.company.id);
    expect(messages.map((m) => m.status).sort()).toEqual(["failed", "sent"]);
  });

  it("a general (non-marketing) campaign is not held by quiet hours and carries no footer", async () => {
    const t = await setup({ marketing: false });
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(NIGHT));
    const sent = await campaignMessages(t.company.id);
    // Unsubscribed from marketing only: a general text still reaches them.
    expect(sent).toHaveLength(3);
    expect(sent.every((m) => !/ARR[ÊE]T|STOP/.test(m.body))).toBe(true);
  });

  it("two concurrent runners text each recipient once", async () => {
    const t = await setup();
    for (let i = 0; i < 20; i++) await createCustomer(t.db, t.company.id, { firstName: `Client${i}` });
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    const runner = () => runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON));
    const [a, b] = await Promise.all([runner(), runner()]);
    const sent = await campaignMessages(t.company.id);
    expect(sent).toHaveLength(22);
    expect(new Set(sent.map((m) => m.customerId)).size).toBe(22);
    expect(new Set(sent.map((m) => m.sourceId)).size).toBe(22);
    expect((a.status === "ran" ? a.sent : 0) + (b.status === "ran" ? b.sent : 0)).toBe(22);
    const planned = [a, b].map((o) => (o.status === "ran" ? o.planned : null)).filter((n) => n !== null);
    expect(planned).toEqual([25]);
  });

  it("pause stops sending, resume finishes without duplicates; cancel cancels the recipients not yet texted", async () => {
    const t = await setup();
    for (let i = 0; i < 3; i++) await createCustomer(t.db, t.company.id, { firstName: `Client${i}` });
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    expect(await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(NIGHT))).toEqual({ status: "held" });
    expect(await pauseCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "paused" } });
    expect(await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON))).toEqual({ status: "idle" });
    expect(await campaignMessages(t.company.id)).toHaveLength(0);
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    expect(await resumeCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "sending" } });
    await drainSettled("campaign-runs");
    await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, at(AFTERNOON));
    const sent = await campaignMessages(t.company.id);
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((m) => m.customerId)).size).toBe(5);

    const other = await setup();
    await confirmedScheduled(other, new Date(Date.now() + 60_000));
    await runCampaign(other.db, { companyId: other.company.id, campaignId: other.campaignId }, at(NIGHT));
    expect(await cancelCampaign.run(other.context, { id: other.campaignId })).toEqual({ ok: true, data: { status: "cancelled" } });
    await runCampaign(other.db, { companyId: other.company.id, campaignId: other.campaignId }, at(AFTERNOON));
    expect(await campaignMessages(other.company.id)).toHaveLength(0);
    expect((await recipientsOf(other.campaignId)).filter((r) => r.status === "cancelled")).toHaveLength(2);
  });

  it("a pause is noticed before the next text: paused after 2 texts, no third; resume texts the rest once", async () => {
    const t = await setup();
    for (let i = 0; i < 4; i++) await createCustomer(t.db, t.company.id, { firstName: `Client${i}` });
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    let handedOver = 0;
    const provider: SmsProvider = {
      ...localSmsProvider,
      send: async (sms) => {
        if (++handedOver === 2) expect(await pauseCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "paused" } });
        return localSmsProvider.send(sms);
      },
    };
    const run = () => runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider, now: AFTERNOON }, throttle: noThrottle, now: AFTERNOON, batchSize: 1 });
    await run();
    expect(handedOver).toBe(2);
    expect(await campaignMessages(t.company.id)).toHaveLength(2);
    expect(await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId })).toMatchObject({ sent: 2, pending: 4 });

    expect(await resumeCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "sending" } });
    await drainSettled("campaign-runs");
    await run();
    const sent = await campaignMessages(t.company.id);
    expect(sent).toHaveLength(6);
    expect(new Set(sent.map((m) => m.customerId)).size).toBe(6);
  });

  it("cancel mid-send: the recipients not texted (held by a runner too) end cancelled, the results add up, no runner texts them later", async () => {
    const t = await setup();
    for (let i = 0; i < 5; i++) await createCustomer(t.db, t.company.id, { firstName: `Client${i}` });
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    let handedOver = 0;
    const provider: SmsProvider = {
      ...localSmsProvider,
      send: async (sms) => {
        // Cancelled while the first text is being handed over, the batch's others already claimed.
        if (++handedOver === 1) expect(await cancelCampaign.run(t.context, { id: t.campaignId })).toEqual({ ok: true, data: { status: "cancelled" } });
        return localSmsProvider.send(sms);
      },
    };
    const options = { dependencies: { provider, now: AFTERNOON }, throttle: noThrottle, now: AFTERNOON, batchSize: 1 };
    await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, options);
    expect(handedOver).toBe(1);
    const progress = await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId });
    expect(progress).toMatchObject({ total: 10, sent: 1, cancelled: 6, skipped: 3, pending: 0 });
    expect(progress.sent + progress.cancelled + progress.skipped).toBe(progress.total);

    // A runner that claimed recipients and died: the cancel ends its claims too, and nobody sends them.
    const other = await setup();
    for (let i = 0; i < 3; i++) await createCustomer(other.db, other.company.id, { firstName: `Client${i}` });
    await confirmedScheduled(other, new Date(Date.now() + 60_000));
    await runCampaign(other.db, { companyId: other.company.id, campaignId: other.campaignId }, at(NIGHT));
    await other.db.update(s.campaignRecipients).set({ status: "sending", claimedAt: new Date(Date.now() - 3_600_000) }).where(and(eq(s.campaignRecipients.campaignId, other.campaignId), eq(s.campaignRecipients.status, "pending")));
    expect(await cancelCampaign.run(other.context, { id: other.campaignId })).toMatchObject({ ok: true });
    expect(await runCampaign(other.db, { companyId: other.company.id, campaignId: other.campaignId }, { ...at(AFTERNOON), batchSize: 1 })).toEqual({ status: "idle" });
    expect(await campaignMessages(other.company.id)).toHaveLength(0);
    expect(await campaignProgress(other.db, { companyId: other.company.id, campaignId: other.campaignId })).toMatchObject({ total: 8, cancelled: 5, skipped: 3, pending: 0 });
  });

  it("send failures: one notification per run naming how many failed, linked to the failed results", async () => {
    const t = await setup();
    for (let i = 0; i < 3; i++) await createCustomer(t.db, t.company.id, { firstName: `Client${i}` });
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    const provider: SmsProvider = {
      ...localSmsProvider,
      send: async () => {
        throw new SmsSendError("invalid_number", "Non-Whitelisted Destination");
      },
    };
    const outcome = await runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider, now: AFTERNOON }, throttle: noThrottle, now: AFTERNOON, batchSize: 2 });
    expect(outcome).toMatchObject({ status: "ran", failed: 5, sent: 0 });
    expect(await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId })).toMatchObject({ failed: 5, sent: 0 });
    const failed = (await listCampaignRecipients(t.db, { companyId: t.company.id, campaignId: t.campaignId, status: "failed" })).rows;
    expect(failed).toHaveLength(5);
    expect(failed.every((row) => row.error === "Non-Whitelisted Destination")).toBe(true);
    const notified = await t.db.select().from(s.notifications).where(and(eq(s.notifications.companyId, t.company.id), eq(s.notifications.kind, "campaign.send_failed")));
    expect(notified.map((n) => n.userId).sort()).toEqual([t.admin.id, t.replier.id].sort());
    for (const notification of notified) {
      expect(notification.data).toMatchObject({ campaignId: t.campaignId, count: 5 });
      expect(notification.link).toBe(`/campaigns/${t.campaignId}?status=failed`);
    }
  });

  it("a reply goes to the campaign's replies user; STOP counts as opted out on the campaign", async () => {
    const t = await setup();
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await confirmed(t);
    expect(await campaignMessages(t.company.id)).toHaveLength(2);
    const reply = async (mobile: string, text: string, id: string) => {
      await receiveSms(t.db, { provider: "local", providerMessageId: `${id}-${t.campaignId}`, from: mobile, to: t.company.senderNumber!, text, receivedAt: new Date(Date.now() + 1000) }, { provider: localSmsProvider });
      await drainSettled();
    };
    await reply(t.customers.julie.mobile!, "Combien pour des 17 pouces ?", "q");
    await reply(t.customers.sam.mobile!, "STOP", "s");
    const rows = (await listCampaignRecipients(t.db, { companyId: t.company.id, campaignId: t.campaignId, status: "replied" })).rows;
    expect(rows.map((r) => r.customerId).sort()).toEqual([t.customers.julie.id, t.customers.sam.id].sort());
    expect(rows.find((r) => r.customerId === t.customers.julie.id)!.replyBody).toBe("Combien pour des 17 pouces ?");
    const optedOut = (await listCampaignRecipients(t.db, { companyId: t.company.id, campaignId: t.campaignId, status: "opted_out" })).rows;
    expect(optedOut.map((r) => r.customerId)).toEqual([t.customers.sam.id]);
    expect(await campaignProgress(t.db, { companyId: t.company.id, campaignId: t.campaignId })).toMatchObject({ replied: 2, optedOut: 1 });
    const [conversation] = await t.db.select().from(s.conversations).where(eq(s.conversations.id, rows.find((r) => r.customerId === t.customers.julie.id)!.conversationId!));
    expect(conversation!.assigneeUserId).toBe(t.replier.id);
  });

  it("a reply whose handling was lost is attributed by the sweep, once", async () => {
    const t = await setup();
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await confirmed(t);
    const [sent] = (await campaignMessages(t.company.id)).filter((m) => m.customerId === t.customers.julie.id);
    // Stored, but the process stopped before the reply was handled.
    const [reply] = await t.db
      .insert(s.messages)
      .values({ companyId: t.company.id, conversationId: sent!.conversationId, customerId: t.customers.julie.id, direction: "inbound", body: "Vous ouvrez samedi ?", sourceKind: "customer", status: "received", createdAt: new Date(Date.now() + 1000) })
      .returning();
    expect(await handlePendingReplies(t.db, new Date(Date.now() + 2000), { provider: localSmsProvider })).toMatchObject({ campaignDue: 1, campaignHandled: 1 });
    const [recipient] = (await listCampaignRecipients(t.db, { companyId: t.company.id, campaignId: t.campaignId, status: "replied" })).rows;
    expect(recipient).toMatchObject({ customerId: t.customers.julie.id, replyBody: "Vous ouvrez samedi ?" });
    const [conversation] = await t.db.select().from(s.conversations).where(eq(s.conversations.id, reply!.conversationId));
    expect(conversation!.assigneeUserId).toBe(t.replier.id);
    // Nothing left to attribute.
    expect(await handlePendingReplies(t.db, new Date(Date.now() + 3000), { provider: localSmsProvider })).toMatchObject({ campaignDue: 0 });
  });

  it("files go as links: the dry-run sample shows each file's link and every recipient gets exactly that text; only the company's free uploads", async () => {
    const t = await setup();
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    const upload = (companyId: string, fileName: string) =>
      insertAttachment(t.db, { companyId, fileName, contentType: "application/pdf", sizeBytes: 10, storageKey: `${companyId}/${fileName}`, publicToken: newPublicToken(), uploadedByUserId: t.admin.id });
    const [flyer, coupon] = [await upload(t.company.id, "flyer.pdf"), await upload(t.company.id, "coupon.pdf")];
    const draft = { id: t.campaignId, name: "Pneus", messageBody: "Bonjour { customer.first_name }, voici l'offre.", audience: { all: [] } };

    const foreign = await upload((await createCompany(t.db)).id, "other.pdf");
    expect(await saveCampaign.run(t.context, { ...draft, attachmentIds: [flyer.id, foreign.id] })).toMatchObject({ ok: false, error: "files.notAvailable" });
    const onMessage = await upload(t.company.id, "sent.pdf");
    await setAttachmentOwner(t.db, { companyId: t.company.id, attachmentId: onMessage.id, customerId: t.customers.julie.id, owner: { noteId: crypto.randomUUID() } });
    expect(await saveCampaign.run(t.context, { ...draft, attachmentIds: [onMessage.id] })).toMatchObject({ ok: false, error: "files.notAvailable" });

    expect(await saveCampaign.run(t.context, { ...draft, attachmentIds: [flyer.id, coupon.id] })).toMatchObject({ ok: true });
    const dry = await dryRunCampaign.run(t.context, { id: t.campaignId });
    if (!dry.ok) throw new Error(dry.error);
    const julie = dry.data.sample.find((row) => row.customerId === t.customers.julie.id)!;
    expect(julie.text).toBe(`Bonjour Julie, voici l'offre.\nBeaulieu Auto: Répondez ARRET pour vous désabonner\nhttp://localhost:3000/f/${flyer.publicToken}\nhttp://localhost:3000/f/${coupon.publicToken}`);

    const texts = new Map<string, string>();
    const provider: SmsProvider = { ...localSmsProvider, send: async (sms) => { texts.set(sms.to, sms.text); return localSmsProvider.send(sms); } };
    await t.db.update(s.campaigns).set({ sendAt: new Date(Date.now() + 3_600_000) }).where(eq(s.campaigns.id, t.campaignId));
    expect(await confirmCampaign.run(t.context, { id: t.campaignId, confirmedCount: 2 })).toEqual({ ok: true, data: { status: "scheduled" } });
    await runCampaigns(t.db, new Date(Date.now() + 3_700_000), { dependencies: { provider, now: AFTERNOON }, throttle: noThrottle, now: AFTERNOON });
    // runCampaigns runs every sending campaign of the database: count this company's texts.
    const ours = new Set(Object.values(t.customers).map((customer) => customer.mobile));
    expect([...texts.keys()].filter((to) => ours.has(to))).toHaveLength(2);
    expect(texts.get(t.customers.julie.mobile!)).toBe(julie.text);
    expect(texts.get(t.customers.sam.mobile!)).toBe(dry.data.sample.find((row) => row.customerId === t.customers.sam.id)!.text);
    // The files stay the campaign's: no message took them, so each recipient got the same links.
    const files = await t.db.select().from(s.attachments).where(eq(s.attachments.companyId, t.company.id));
    expect(files.filter((file) => file.messageId)).toEqual([]);
  });

  it("a static group as the audience: the live count, the dry run and the send reach only its members; another company's group is refused", async () => {
    const t = await setup();
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    const group = await createGroup.run(t.context, { name: "Clients VIP", kind: "static" });
    if (!group.ok) throw new Error(group.error);
    expect(await addCustomersToGroup.run(t.context, { groupId: group.data.id, customerIds: [t.customers.julie.id, t.customers.stop.id] })).toMatchObject({ ok: true });
    const audience = { all: [{ any: [{ category: "customer", attribute: "group", operator: "in_group", value: group.data.id }] }] };

    expect(await countCampaignAudience.run(t.context, { rules: audience })).toEqual({ ok: true, data: { count: 2 } });
    expect(await countCampaignAudience.run(t.context, { rules: { all: [] } })).toEqual({ ok: true, data: { count: 5 } });
    expect(await saveCampaign.run(t.context, { id: t.campaignId, name: "VIP", messageBody: "Bonjour { customer.first_name }", audience })).toMatchObject({ ok: true });
    const dry = await dryRunCampaign.run(t.context, { id: t.campaignId });
    expect(dry).toMatchObject({ ok: true, data: { matching: 2, willReceive: 1, skipped: [{ reason: "opted_out", count: 1 }] } });
    await confirmed(t);
    expect((await campaignMessages(t.company.id)).map((m) => m.customerId)).toEqual([t.customers.julie.id]);

    const otherCompany = await createCompany(t.db);
    const intruder = contextFor(t.db, await createUser(t.db, otherCompany.id, { role: "admin" }), otherCompany.id);
    expect(await countCampaignAudience.run(intruder, { rules: audience })).toMatchObject({ ok: false, error: RULE_ERRORS.groupUnknown });
    expect(await countCampaignAudience.run(contextFor(t.db, t.replier, t.company.id), { rules: audience })).toMatchObject({ ok: false, error: "errors.forbidden" });
  });

  it("tenancy: every action refuses another company's campaign or recipient", async () => {
    const t = await setup();
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    await confirmed(t);
    const [recipient] = await recipientsOf(t.campaignId);
    const intruderCompany = await createCompany(t.db);
    const intruder = contextFor(t.db, await createUser(t.db, intruderCompany.id, { role: "admin" }), intruderCompany.id);
    const notFound = { ok: false, error: "errors.notFound" };
    expect(await dryRunCampaign.run(intruder, { id: t.campaignId })).toMatchObject(notFound);
    expect(await confirmCampaign.run(intruder, { id: t.campaignId, confirmedCount: 2 })).toMatchObject(notFound);
    expect(await pauseCampaign.run(intruder, { id: t.campaignId })).toMatchObject(notFound);
    expect(await resumeCampaign.run(intruder, { id: t.campaignId })).toMatchObject(notFound);
    expect(await cancelCampaign.run(intruder, { id: t.campaignId })).toMatchObject(notFound);
    expect(await saveCampaign.run(intruder, { id: t.campaignId, name: "x", messageBody: "x", audience: { all: [] } })).toMatchObject(notFound);
    expect(await addCampaignRecipientNote.run(intruder, { recipientId: recipient!.id, body: "hello" })).toMatchObject(notFound);
    const agent = contextFor(t.db, t.replier, t.company.id);
    expect(await pauseCampaign.run(agent, { id: t.campaignId })).toMatchObject({ ok: false, error: "errors.forbidden" });
    const note = await addCampaignRecipientNote.run(t.context, { recipientId: recipient!.id, body: "Rappeler", mentions: { userIds: [t.replier.id], teamIds: [] } });
    expect(note).toMatchObject({ ok: true, data: { notifiedUserIds: [t.replier.id] } });
  });

  it("the sender throttle spaces texts of one number across two runners (two processes): each text takes its own slot, 1/rate after the previous one", async () => {
    const t = await setup({ marketing: false });
    await t.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
    for (let i = 0; i < 5; i++) await createCustomer(t.db, t.company.id, { firstName: `Client${i}` });
    await confirmedScheduled(t, new Date(Date.now() + 60_000));
    const slots: number[] = [];
    // Two throttles, as two processes would each have: the slots are in Postgres, so neither knows the other's.
    class RecordingThrottle extends SenderThrottle {
      override async wait(db: typeof t.db, senderNumber: string) {
        const slot = await super.wait(db, senderNumber);
        if (slot !== null) slots.push(slot);
        return slot;
      }
    }
    let handedOver = 0;
    const provider: SmsProvider = { ...localSmsProvider, send: async (message) => (handedOver++, localSmsProvider.send(message)) };
    const runner = () => runCampaign(t.db, { companyId: t.company.id, campaignId: t.campaignId }, { dependencies: { provider }, throttle: new RecordingThrottle(20) });
    await Promise.all([runner(), runner()]);
    // Julie, Sam, the one unsubscribed from marketing only (a general text) and the five new ones: one slot each.
    expect(handedOver).toBe(8);
    expect(slots).toHaveLength(8);
    slots.sort((a, b) => a - b);
    // 20 a second: every slot at least 50 ms after the one before, whichever runner took it (1 µs of rounding).
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(50 - 0.001);
  });
});
