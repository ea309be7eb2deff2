import "server-only";
import type { Db } from "@/db/client";
import {
  claimPendingRecipients,
  completeCampaignIfDone,
  findCampaign,
  findRecipientMessage,
  isCampaignSending,
  listSendingCampaigns,
  outcomeOfMessage,
  planCampaignRecipients,
  releaseRecipients,
  settleRecipient,
  startDueCampaigns,
  type CampaignRow,
  type ClaimedRecipient,
  type RecipientOutcome,
} from "@/db/queries/campaigns";
import { attributeDefinitions } from "@/db/queries/attributes";
import { findCompany } from "@/db/queries/companies";
import type { CampaignSkipReason } from "@/db/schema";
import { nudge } from "@/lib/background/dispatch";
import { campaignRunRequested } from "@/lib/background/events";
import { env } from "@/lib/env";
import { publish } from "@/lib/live/bus";
import { linkRequestToMessage, prepareRequestLink, type RequestToPrepare } from "@/lib/messaging/request-links";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { inQuietHours } from "@/lib/messaging/sendability";
import { defaultSmsProvider } from "@/lib/messaging/sms";
import { isLocalChannel } from "@/lib/messaging/sms/local";
import type { SmsProvider } from "@/lib/messaging/sms/provider";
import { defaultSenderThrottle, type SenderThrottle } from "@/lib/messaging/throttle";
import { notify } from "@/lib/notifications/notify";
import { campaignFileLinks } from "./files";
import { campaignPlan } from "./dry-run";
import { outcomesOfTakenOver, sendCampaignBatch } from "./send-batch";

/** A claim older than this belongs to a worker that died: its recipient is sent again (once: the message is the key). */
const RECIPIENT_CLAIM_TIMEOUT_MS = 5 * 60_000;
/**
 * Recipients claimed at a time. A pause or cancel is noticed between two batches, and a
 * batch's texts, once recorded, are all handed over: through a carrier at most 10 (about a
 * second at the default throttle); the local channel records up to 200 at once (a second
 * of texts at the throttle's rate when it is on).
 */
const LOCAL_BATCH = 200;
const CARRIER_BATCH = 10;
const batchSizeFor = (throttle: SenderThrottle, provider: SmsProvider) => {
  const most = isLocalChannel(provider) ? LOCAL_BATCH : CARRIER_BATCH;
  return throttle.textsPerSecond > 0 ? Math.min(most, Math.max(1, Math.ceil(throttle.textsPerSecond))) : most;
};

export type CampaignRunOptions = {
  dependencies?: SendDependencies;
  throttle?: SenderThrottle;
  /** When the run starts (planning, the quiet-hours check at start); the texts read the clock as they go unless `dependencies.now` fixes it. */
  now?: Date;
  /** Recipients claimed at a time (tests make it small to watch a pause between two). */
  batchSize?: number;
  /** Stops claiming after this long (an Inngest step's share); the outcome says whether recipients are left. */
  budgetMs?: number;
};

export type CampaignRunOutcome =
  | { status: "idle" }
  | { status: "held" }
  | { status: "ran"; planned: number | null; sent: number; skipped: number; failed: number; completed: boolean; more: boolean };

/**
 * Sends one campaign that is sending: plans it if no runner has yet (one INSERT … SELECT),
 * holds marketing during quiet hours, then claims pending recipients in batches and texts
 * each through the sending gate. Any number of runners may run it at once: a recipient is
 * claimed by one, and its message (source campaign, id = recipient) is its idempotency key.
 */
export async function runCampaign(db: Db, { companyId, campaignId }: { companyId: string; campaignId: string }, options: CampaignRunOptions = {}): Promise<CampaignRunOutcome> {
  const now = options.now ?? new Date();
  const [campaign, company] = await Promise.all([findCampaign(db, { companyId, campaignId }), findCompany(db, { companyId })]);
  if (!campaign || !company || campaign.status !== "sending") return { status: "idle" };
  let planned: number | null = null;
  if (!campaign.plannedAt) {
    planned = await planCampaignRecipients(db, { companyId, campaignId, plan: await campaignPlan(db, campaign, { now, timeZone: company.timezone }), now });
    if (planned !== null) publish(companyId, { type: "campaign.updated", campaignId });
  }
  if (campaign.marketing && inQuietHours(company, now)) return { status: "held" };

  const throttle = options.throttle ?? defaultSenderThrottle();
  const batchSize = options.batchSize ?? batchSizeFor(throttle, options.dependencies?.provider ?? defaultSmsProvider());
  const fileLinks = await campaignFileLinks(db, { companyId, attachmentIds: campaign.attachmentIds });
  // No fixed clock for the texts: a long run must see quiet hours begin and stamp each text when it goes.
  const dependencies = { ...options.dependencies };
  // A plain text goes in batches; a payment or review request makes its link per recipient.
  const batched = requestOf(campaign).kind === "message";
  const definitions = batched && /\{/.test(campaign.messageBody) ? await attributeDefinitions(db, { companyId }) : [];
  const totals = { sent: 0, skipped: 0, failed: 0 };
  const started = Date.now();
  let more = false;
  let lastPublish = Date.now();
  batches: for (;;) {
    const claimed = await claimPendingRecipients(db, { companyId, campaignId, limit: batchSize, now: new Date(), staleBefore: new Date(Date.now() - RECIPIENT_CLAIM_TIMEOUT_MS) });
    if (claimed.length === 0) break;
    if (batched) {
      try {
        const outcome = await sendCampaignBatch(db, { campaign, company, fileLinks, definitions, throttle }, claimed, dependencies);
        totals.sent += outcome.sent;
        totals.skipped += outcome.skipped;
        totals.failed += outcome.failed;
        if (outcome.stopped) break;
      } catch (error) {
        console.error("[campaigns] batch failed unexpectedly; it will be retried", error);
        await releaseRecipients(db, { companyId, recipientIds: claimed.map((recipient) => recipient.id) }).catch(() => {});
        break;
      }
    } else {
      for (const [index, recipient] of claimed.entries()) {
        const rest = () => claimed.slice(index).map((held) => held.id);
        // Paused or cancelled meanwhile: what this runner holds goes back (or is cancelled) untouched.
        if (!(await isCampaignSending(db, { companyId, campaignId }))) {
          await releaseRecipients(db, { companyId, recipientIds: rest() });
          break batches;
        }
        await throttle.wait(db, company.senderNumber ?? "");
        try {
          const outcome = await sendRecipient(db, { campaign, recipient, fileLinks }, dependencies);
          if (outcome === "held") {
            // Quiet hours began: the rest waits for the window to open (the next claim would take the same rows back).
            await releaseRecipients(db, { companyId, recipientIds: rest() });
            break batches;
          }
          if (outcome) totals[outcome.status]++;
        } catch (error) {
          console.error("[campaigns] send failed unexpectedly; the next run retries", error);
          await releaseRecipients(db, { companyId, recipientIds: rest() }).catch(() => {});
          break batches;
        }
      }
    }
    if (Date.now() - lastPublish > 1000) {
      publish(companyId, { type: "campaign.updated", campaignId });
      lastPublish = Date.now();
    }
    if (claimed.length < batchSize) break;
    if (options.budgetMs !== undefined && Date.now() - started >= options.budgetMs) {
      more = true;
      break;
    }
  }
  if (totals.failed > 0) await notifySendFailed(db, { campaign, failed: totals.failed });
  const completed = await completeCampaignIfDone(db, { companyId, campaignId, now: new Date() });
  if (completed) await notifyCompleted(db, completed);
  publish(companyId, { type: "campaign.updated", campaignId });
  return { status: "ran", planned, ...totals, completed: Boolean(completed), more: more && !completed };
}

/** Scheduled campaigns whose time came start sending (planning follows at their first run). */
async function startDue(db: Db, now: Date) {
  const started = await startDueCampaigns(db, { now });
  for (const row of started) publish(row.companyId, { type: "campaign.updated", campaignId: row.id });
  return started.length;
}

/** Starts due campaigns and runs every sending one in this process (the embedded sweep, tests, the bench). */
export async function runCampaigns(db: Db, now = new Date(), options: CampaignRunOptions = {}) {
  const started = await startDue(db, now);
  const sending = await listSendingCampaigns(db);
  let sent = 0;
  for (const row of sending) {
    const outcome = await runCampaign(db, { companyId: row.companyId, campaignId: row.id }, options).catch((error: unknown) => {
      console.error("[campaigns] run failed; the next sweep retries", error);
      return { status: "idle" as const };
    });
    if (outcome.status === "ran") sent += outcome.sent;
  }
  return { started, sending: sending.length, sent };
}

/**
 * The run-campaigns sweep. Embedded, it runs them here; with an Inngest engine it fans
 * out one run.requested event per sending campaign (each sends in its own function).
 */
export async function sweepCampaigns(db: Db, now = new Date()) {
  if (env().backgroundEngine === "in-process") return runCampaigns(db, now);
  const started = await startDue(db, now);
  const sending = await listSendingCampaigns(db);
  for (const row of sending) await nudge(campaignRunRequested.create({ companyId: row.companyId, campaignId: row.id }));
  return { started, requested: sending.length };
}

const SKIP_REASONS: CampaignSkipReason[] = ["opted_out", "unsubscribed_general", "unsubscribed_marketing", "no_mobile", "empty_message", "template_error", "customer_not_found", "payment_unavailable"];
const skipReasonOf = (reason: string): CampaignSkipReason => ((SKIP_REASONS as string[]).includes(reason) ? (reason as CampaignSkipReason) : reason === "payments_not_configured" || reason === "payment_link_failed" ? "payment_unavailable" : "customer_not_found");

function requestOf(campaign: CampaignRow): RequestToPrepare["request"] {
  const request = campaign.request;
  if (request?.kind === "payment_request") return { kind: "payment_request", amountCents: request.amountCents, currency: request.currency, reference: request.reference?.trim() || campaign.name };
  if (request?.kind === "review_request") return { kind: "review_request" };
  return { kind: "message" };
}

/**
 * Texts one claimed recipient, once: a message already recorded for it (a worker died
 * after sending) settles it instead. The gate re-checks STOP and unsubscribes now; quiet
 * hours (reached mid-batch) leave the recipient to the caller ("held"), to give back.
 */
async function sendRecipient(db: Db, { campaign, recipient, fileLinks }: { campaign: CampaignRow; recipient: ClaimedRecipient; fileLinks: string[] }, dependencies: SendDependencies): Promise<RecipientOutcome | "held" | null> {
  const companyId = campaign.companyId;
  const now = dependencies.now ?? new Date();
  const existing = await findRecipientMessage(db, { companyId, recipientId: recipient.id });
  let outcome: RecipientOutcome;
  if (existing) {
    const [settle] = await outcomesOfTakenOver(db, { companyId, provider: dependencies.provider ?? defaultSmsProvider(), takenOver: [{ recipientId: recipient.id, message: existing }] });
    outcome = settle!.outcome;
  } else {
    const category = campaign.marketing ? ("marketing" as const) : ("general" as const);
    const prepared = await prepareRequestLink(db, { companyId, customerId: recipient.customerId, userId: campaign.createdByUserId, body: campaign.messageBody, category, request: requestOf(campaign) }, now);
    if (!prepared.ok) {
      if (prepared.reason === "quiet_hours") return "held";
      outcome = { status: "skipped", skipReason: skipReasonOf(prepared.reason) };
    } else {
      const sent = await sendSms(
        db,
        {
          companyId,
          customerId: recipient.customerId,
          body: prepared.body,
          category,
          source: { kind: "campaign", id: recipient.id },
          fileLinks,
          optOutFooter: campaign.marketing,
        },
        dependencies,
      );
      if (!sent.ok) {
        await prepared.discard();
        if (sent.reason === "quiet_hours") return "held";
        outcome = { status: "skipped", skipReason: skipReasonOf(sent.reason) };
      } else {
        if (prepared.link) await linkRequestToMessage(db, { companyId, link: prepared.link, message: sent.message });
        outcome = outcomeOfMessage(sent.message);
      }
    }
  }
  const settled = await settleRecipient(db, { companyId, recipientId: recipient.id, outcome, now: new Date() });
  return settled ? outcome : null;
}

const campaignLink = (campaignId: string, filter?: "failed") => `/campaigns/${campaignId}${filter ? `?status=${filter}` : ""}`;
const staffOf = (campaign: CampaignRow) => [campaign.createdByUserId, campaign.repliesUserId].filter((id): id is string => Boolean(id));

async function notifyCompleted(db: Db, campaign: CampaignRow) {
  await notify(db, { companyId: campaign.companyId, userIds: staffOf(campaign), kind: "campaign.completed", data: { campaignId: campaign.id, campaignName: campaign.name }, link: campaignLink(campaign.id) });
}

/** One notification per run however many texts failed: the count, and the results filtered on them. */
async function notifySendFailed(db: Db, { campaign, failed }: { campaign: CampaignRow; failed: number }) {
  await notify(db, {
    companyId: campaign.companyId,
    userIds: staffOf(campaign),
    kind: "campaign.send_failed",
    data: { campaignId: campaign.id, campaignName: campaign.name, count: failed },
    link: campaignLink(campaign.id, "failed"),
  });
}
