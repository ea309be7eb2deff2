import "server-only";
import type { Db } from "@/db/client";
import { findCustomersByIds } from "@/db/queries/automation-runs";
import {
  findRecipientMessages,
  insertCampaignMessages,
  lockSendingCampaign,
  outcomeOfMessage,
  releaseRecipients,
  settleRecipients,
  type CampaignRow,
  type ClaimedRecipient,
  type RecipientMessage,
  type RecipientOutcome,
} from "@/db/queries/campaigns";
import type { findCompany } from "@/db/queries/companies";
import { recordMessageSummaries } from "@/db/queries/conversations";
import type { MessageRow } from "@/db/queries/message-status";
import { defaultAssignee } from "@/lib/conversations/routing";
import { ensureActiveConversations } from "@/lib/conversations/thread";
import { publish } from "@/lib/live/bus";
import { messageSentPayload, renderSmsTextWith, smsWithLinks, type AttributeDefinitions, type SendDependencies } from "@/lib/messaging/send";
import { sendRefusal } from "@/lib/messaging/sendability";
import { defaultSmsProvider } from "@/lib/messaging/sms";
import { isLocalChannel, localProviderMessageId } from "@/lib/messaging/sms/local";
import { SmsSendError, type SmsProvider } from "@/lib/messaging/sms/provider";
import { applyKnownStatusReports, publishDeliveredAtOnce, recordDeliveredAtOnce, type KnownStatusReport } from "@/lib/messaging/status";
import type { SenderThrottle } from "@/lib/messaging/throttle";
import { nudgeWebhookDelivery, recordWebhookEvents } from "@/lib/webhooks/record";

export type BatchContext = {
  campaign: CampaignRow;
  company: NonNullable<Awaited<ReturnType<typeof findCompany>>>;
  fileLinks: string[];
  definitions: AttributeDefinitions;
  throttle: SenderThrottle;
};

/** The error of a text recorded but never confirmed by the carrier (carrierErrors.interrupted). */
const INTERRUPTED = "interrupted";

/**
 * How recipients whose runner stopped after recording their text ended: from the message,
 * except a text still queued without the carrier's id — maybe never sent. That one is
 * marked failed ("interrupted") rather than counted sent, and never sent again.
 */
export async function outcomesOfTakenOver(db: Db, { companyId, provider, takenOver }: { companyId: string; provider: SmsProvider; takenOver: { recipientId: string; message: RecipientMessage }[] }): Promise<Settle[]> {
  const unconfirmed = (message: RecipientMessage) => message.status === "queued" && !message.providerMessageId;
  const at = new Date();
  const reports = takenOver.filter(({ message }) => unconfirmed(message)).map(({ message }) => ({ messageId: message.id, provider: provider.name, clientRef: message.id, status: "failed" as const, errorCode: INTERRUPTED, at }));
  if (reports.length) await applyKnownStatusReports(db, { companyId, reports });
  return takenOver.map(({ recipientId, message }) => ({
    recipientId,
    outcome: unconfirmed(message) ? { status: "failed", messageId: message.id, error: INTERRUPTED } : outcomeOfMessage(message),
  }));
}

export type BatchTotals = { sent: number; skipped: number; failed: number; stopped: boolean };

type Settle = { recipientId: string; outcome: RecipientOutcome };
type Ready = { recipient: ClaimedRecipient; mobile: string; text: string; withLinks: string; encoding: "GSM-7" | "UCS-2"; segments: number; preview: string };

/**
 * The sending gate for a claimed batch of a plain campaign (no payment or review link), in
 * about ten statements whatever its size: the customers read once and checked with the
 * gate's own rule (STOP, unsubscribes, mobile, quiet hours), every text rendered by the
 * gate's renderer, then in one transaction — only while the campaign is still sending —
 * their conversations, the messages (one INSERT; the recipient is the idempotency key), the
 * conversations' summaries and the message.sent events; then the hand-off to the provider
 * (each text's receipts applied as it goes) and the recipients' settle, batched. On the local channel, which
 * delivers at once, the texts are inserted delivered with their receipts' events: no
 * hand-off and no UPDATE of the messages.
 */
export async function sendCampaignBatch(db: Db, context: BatchContext, recipients: ClaimedRecipient[], dependencies: SendDependencies): Promise<BatchTotals> {
  const { campaign, company } = context;
  const companyId = campaign.companyId;
  const now = dependencies.now ?? new Date();
  const provider = dependencies.provider ?? defaultSmsProvider();
  const category = campaign.marketing ? ("marketing" as const) : ("general" as const);
  const totals: BatchTotals = { sent: 0, skipped: 0, failed: 0, stopped: false };
  const settles: Settle[] = [];
  const later: string[] = [];
  const ready: Ready[] = [];
  const takenOver: { recipientId: string; message: RecipientMessage }[] = [];
  const from = company.senderNumber ?? "";
  const local = isLocalChannel(provider);
  // Recorded at once but not faster than the throttle: each takes its slot before the customers are read (and checked).
  if (local) for (const _ of recipients) await context.throttle.wait(db, from);

  const [existing, customers] = await Promise.all([
    findRecipientMessages(db, { companyId, recipientIds: recipients.map((recipient) => recipient.id) }),
    findCustomersByIds(db, { companyId, customerIds: recipients.map((recipient) => recipient.customerId) }),
  ]);
  for (const recipient of recipients) {
    // A worker died after recording it: settled from its message, never texted twice.
    const prior = existing.get(recipient.id);
    if (prior) {
      takenOver.push({ recipientId: recipient.id, message: prior });
      continue;
    }
    const customer = customers.get(recipient.customerId);
    if (!customer || customer.mergedIntoId) {
      settles.push({ recipientId: recipient.id, outcome: { status: "skipped", skipReason: "customer_not_found" } });
      continue;
    }
    const refusal = sendRefusal(customer, company, category, now);
    if (refusal === "quiet_hours") later.push(recipient.id);
    else if (refusal) settles.push({ recipientId: recipient.id, outcome: { status: "skipped", skipReason: refusal } });
    if (refusal) continue;
    const rendered = renderSmsTextWith(context.definitions, { company, customer, body: campaign.messageBody, optOutFooter: campaign.marketing });
    if (!rendered.ok) {
      settles.push({ recipientId: recipient.id, outcome: { status: "skipped", skipReason: rendered.reason } });
      continue;
    }
    ready.push({ recipient, mobile: customer.mobile!, text: rendered.text, ...smsWithLinks(rendered.text, context.fileLinks) });
  }

  settles.push(...(await outcomesOfTakenOver(db, { companyId, provider, takenOver })));

  // The local channel delivers at once: its texts are recorded delivered, with the events their receipts would give.
  const recorded = ready.length === 0 ? [] : await db.transaction(async (tx) => {
    if (!(await lockSendingCampaign(tx, { companyId, campaignId: campaign.id }))) return null;
    const conversations = await ensureActiveConversations(tx, {
      companyId,
      customerIds: ready.map((row) => row.recipient.customerId),
      assignTo: defaultAssignee(company),
      now,
      outboundPreviews: new Map(ready.map((row) => [row.recipient.customerId, row.preview])),
    });
    const delivery = local ? { status: "delivered" as const, sentAt: now, deliveredAt: now, statusUpdatedAt: now } : { status: "queued" as const };
    const rows = await insertCampaignMessages(
      tx,
      ready.map((row) => ({
        companyId,
        conversationId: conversations.get(row.recipient.customerId)!.id,
        customerId: row.recipient.customerId,
        body: row.text,
        sourceId: row.recipient.id,
        ...delivery,
        provider: provider.name,
        providerMessageId: local ? localProviderMessageId() : null,
        fromNumber: from,
        toNumber: row.mobile,
        marketing: campaign.marketing,
        encoding: row.encoding,
        segments: row.segments,
        createdAt: now,
      })),
    );
    const byRecipient = new Map(ready.map((row) => [row.recipient.id, row]));
    // A conversation created just now already carries this text's summary.
    const summarised = rows.filter((row) => !conversations.get(row.customerId)!.created);
    await recordMessageSummaries(tx, { companyId, summaries: summarised.map((row) => ({ conversationId: row.conversationId, direction: "outbound" as const, preview: byRecipient.get(row.sourceId!)!.preview, at: now })) });
    await recordWebhookEvents(tx, { companyId, type: "message.sent", events: rows.map((row) => ({ customerId: row.customerId, payload: messageSentPayload(row, byRecipient.get(row.sourceId!)!.withLinks, now) })) });
    if (local) await recordDeliveredAtOnce(tx, { companyId, messages: rows, at: now });
    return rows.map((row) => ({ message: row, ready: byRecipient.get(row.sourceId!)! }));
  });

  if (recorded === null) {
    // Paused or cancelled since the claim: nothing of this batch was recorded.
    const settled = new Set(await settleRecipients(db, { companyId, settles, now: new Date() }));
    await releaseRecipients(db, { companyId, recipientIds: [...later, ...ready.map((row) => row.recipient.id)] });
    for (const { recipientId, outcome } of settles) if (settled.has(recipientId)) totals[outcome.status]++;
    return { ...totals, stopped: true };
  }
  for (const { message } of recorded) publish(companyId, { type: "message.created", conversationId: message.conversationId, direction: "outbound" });
  if (local) publishDeliveredAtOnce(companyId, recorded.map(({ message }) => message));

  // Another runner's (a stale claim taken again) message got in first: settled from it.
  const inserted = new Set(recorded.map(({ message }) => message.sourceId));
  const raced = ready.filter((row) => !inserted.has(row.recipient.id)).map((row) => row.recipient.id);
  for (const [recipientId, message] of await findRecipientMessages(db, { companyId, recipientIds: raced })) settles.push({ recipientId, outcome: outcomeOfMessage(message) });

  if (local) for (const { message } of recorded) settles.push({ recipientId: message.sourceId!, outcome: { status: "sent", messageId: message.id, sentAt: message.createdAt } });
  else settles.push(...(await handOver(db, { context, provider, from, recorded })));

  const settled = new Set(await settleRecipients(db, { companyId, settles, now: new Date() }));
  await releaseRecipients(db, { companyId, recipientIds: later });
  for (const { recipientId, outcome } of settles) if (settled.has(recipientId)) totals[outcome.status]++;
  if (recorded.length > 0) await nudgeWebhookDelivery();
  // Quiet hours began: the run stops here (the ones given back would only be claimed again).
  return { ...totals, stopped: later.length > 0 };
}

/**
 * A carrier's hand-off: each recorded text sent at the throttle's pace and its receipts
 * applied at once (a text the carrier took is never left "queued", which a runner taking
 * the batch over reads as interrupted); how each ended.
 */
async function handOver(db: Db, { context, provider, from, recorded }: { context: BatchContext; provider: SmsProvider; from: string; recorded: { message: MessageRow; ready: Ready }[] }): Promise<Settle[]> {
  const companyId = context.campaign.companyId;
  const reports: KnownStatusReport[] = [];
  for (const { message, ready: row } of recorded) {
    await context.throttle.wait(db, from);
    const receipts: KnownStatusReport[] = [];
    try {
      const result = await provider.send({ clientRef: message.id, to: row.mobile, from, text: row.withLinks });
      receipts.push({ messageId: message.id, provider: provider.name, clientRef: message.id, providerMessageId: result.providerMessageId, status: "sent", at: new Date() });
      for (const receipt of result.receipts ?? []) receipts.push({ ...receipt, messageId: message.id });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (!(error instanceof SmsSendError)) console.error("[sms] provider failed", error);
      receipts.push({ messageId: message.id, provider: provider.name, clientRef: message.id, status: "failed", errorCode: error instanceof SmsSendError ? error.category : "provider_error", errorDetail: detail, at: new Date() });
    }
    await applyKnownStatusReports(db, { companyId, reports: receipts });
    reports.push(...receipts);
  }
  const last = new Map(reports.map((report) => [report.messageId, report]));
  return recorded.map(({ message }) => {
    const report = last.get(message.id)!;
    return {
      recipientId: message.sourceId!,
      outcome: report.status === "failed" ? { status: "failed", messageId: message.id, error: report.errorDetail ?? report.errorCode ?? "failed" } : { status: "sent", messageId: message.id, sentAt: message.createdAt },
    };
  });
}
