import "server-only";
import type { Db } from "@/db/client";
import {
  claimReply,
  findReplyTarget,
  findResultMessage,
  findResultSubjects,
  findResultWithAutomation,
  listRepliesToHandle,
  markReplyHandled,
  reclaimReply,
  setReplyOutcome,
  type ReplyOutcome,
} from "@/db/queries/automation-runs";
import { findCustomer } from "@/db/queries/customers";
import { findMessage } from "@/db/queries/messages";
import type { AppointmentReplyAction, KeywordResponse, ReplyClassification } from "@/db/schema";
import { optionalAiClient, type AiClient } from "@/lib/ai/client";
import { changeAppointmentStatus } from "@/lib/appointments/appointments";
import { classifyOptOut } from "@/lib/compliance/opt-out";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { CAMPAIGN_REPLY_WINDOW_DAYS, findCampaignReply, handleCampaignReply } from "@/lib/campaigns/replies";
import { listUnattributedCampaignReplies } from "@/db/queries/campaigns";
import { notifyAboutResult } from "./notify-result";
import { routeConversation } from "./routing";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { matchKeywordResponse } from "./keywords";
import { classifyReminderReply, readSentiment } from "./sentiment";
import type { Automation } from "./types";
import { MAX_REPLY_WINDOW_DAYS } from "./validation";

/** A reply claimed this long ago and not finished belongs to a worker that died. */
export const REPLY_CLAIM_TIMEOUT_MS = 2 * 60_000;
/** The sweep runs every few minutes: a lost campaign reply is found within these days of arriving. */
const CAMPAIGN_SWEEP_LOOKBACK_DAYS = 2;

export type ReplyDependencies = SendDependencies & { ai?: AiClient | null };

type Handled =
  | { status: "ordinary" }
  | { status: "handled"; resultId: string; outcome: ReplyOutcome }
  | { status: "campaign"; recipientId: string; optedOut: boolean };

/**
 * After an inbound message is stored (and STOP/START/HELP applied): if it answers a
 * campaign text (lib/campaigns/replies) or an automation text sent to the customer within the reply window, record it on that result
 * and act on it. Safe to call twice for the same message; a reply outside any window is
 * an ordinary message.
 */
export async function handleInboundReply(
  db: Db,
  { companyId, messageId, now = new Date() }: { companyId: string; messageId: string; now?: Date },
  dependencies: ReplyDependencies = {},
): Promise<Handled> {
  const message = await findMessage(db, { companyId, messageId });
  if (!message || message.direction !== "inbound") return { status: "ordinary" };
  const [target, campaign] = await Promise.all([
    findReplyTarget(db, { companyId, customerId: message.customerId, at: message.createdAt }),
    findCampaignReply(db, { companyId, message }),
  ]);
  // An automation text and a campaign text both candidates: the most recent one is answered.
  if (campaign && (!target || (campaign.recipient.sentAt ?? 0) > (target.result.sentAt ?? 0))) return handleCampaignReply(db, { companyId, target: campaign, message, now });
  if (!target) return { status: "ordinary" };
  return processReply(db, { companyId, resultId: target.result.id, messageId, now }, dependencies);
}

/** The sweep's backstop: replies whose handling was lost (event dropped, process stopped), to automations and campaigns. */
export async function handlePendingReplies(db: Db, now = new Date(), dependencies: ReplyDependencies = {}) {
  const campaignReplies = await listUnattributedCampaignReplies(db, { since: new Date(now.getTime() - CAMPAIGN_SWEEP_LOOKBACK_DAYS * 86_400_000), windowDays: CAMPAIGN_REPLY_WINDOW_DAYS });
  let campaignHandled = 0;
  for (const row of campaignReplies) {
    const outcome = await handleInboundReply(db, { companyId: row.company_id, messageId: row.message_id, now }, dependencies).catch((error: unknown) => {
      console.error("[campaigns] reply handling failed; the sweep retries", error);
      return { status: "ordinary" as const };
    });
    if (outcome.status === "campaign") campaignHandled++;
  }
  const due = await listRepliesToHandle(db, {
    since: new Date(now.getTime() - MAX_REPLY_WINDOW_DAYS * 86_400_000),
    staleBefore: new Date(now.getTime() - REPLY_CLAIM_TIMEOUT_MS),
  });
  let handled = 0;
  for (const row of due) {
    const outcome = await processReply(db, { companyId: row.company_id, resultId: row.result_id, messageId: row.message_id, now }, dependencies).catch((error: unknown) => {
      console.error("[automations] reply handling failed; the sweep retries", error);
      return { status: "ordinary" as const };
    });
    if (outcome.status === "handled") handled++;
  }
  return { due: due.length, handled, campaignDue: campaignReplies.length, campaignHandled };
}

/**
 * Claims the reply on the result (the first message after the text), or takes back a
 * stale claim of the same message, then runs its effects and marks it handled.
 */
async function processReply(
  db: Db,
  { companyId, resultId, messageId, now }: { companyId: string; resultId: string; messageId: string; now: Date },
  dependencies: ReplyDependencies,
): Promise<Handled> {
  const message = await findMessage(db, { companyId, messageId });
  if (!message) return { status: "ordinary" };
  const claimed =
    (await claimReply(db, { companyId, resultId, messageId, at: message.createdAt, now: new Date() })) ??
    (await reclaimReply(db, { companyId, resultId, now: new Date(), staleBefore: new Date(Date.now() - REPLY_CLAIM_TIMEOUT_MS) }));
  if (!claimed || claimed.replyMessageId !== messageId) return { status: "ordinary" };
  const found = await findResultWithAutomation(db, { companyId, resultId });
  if (!found) return { status: "ordinary" };
  const outcome = await actOnReply(db, { automation: found.automation, result: found.result, text: message.body, conversationId: message.conversationId, now }, dependencies);
  await setReplyOutcome(db, { companyId, resultId, outcome, now: new Date() });
  await markReplyHandled(db, { companyId, resultId, now: new Date() });
  publish(companyId, { type: "automation.updated", automationId: found.automation.id });
  return { status: "handled", resultId, outcome };
}

type Result = NonNullable<Awaited<ReturnType<typeof findResultWithAutomation>>>["result"];

const ACTION_CLASSIFICATION: Record<AppointmentReplyAction, ReplyClassification> = {
  confirm_appointment: "confirm",
  cancel_appointment: "cancel",
  reschedule_appointment: "reschedule",
};

const resultLink = (automation: Automation, resultId: string) => `/automations/${automation.id}?result=${resultId}`;

async function actOnReply(
  db: Db,
  { automation, result, text, conversationId, now }: { automation: Automation; result: Result; text: string; conversationId: string; now: Date },
  dependencies: ReplyDependencies,
): Promise<ReplyOutcome> {
  const companyId = automation.companyId;
  const customer = await findCustomer(db, { companyId, customerId: result.customerId });
  const language = customer?.language === "en" ? "en" : "fr";
  const ai = dependencies.ai !== undefined ? dependencies.ai : optionalAiClient();
  const outcome: ReplyOutcome = {};

  // STOP, START, HELP (and a possible opt-out) belong to compliance: never keyword-answered.
  const compliance = classifyOptOut(text, language).kind;
  if (compliance) {
    outcome.classification = "other";
    return outcome;
  }

  const matched = matchKeywordResponse(automation.keywordResponses, text) as KeywordResponse | null;
  outcome.matchedResponseId = matched?.id ?? null;
  const repliesUserId = matched?.assignToUserId ?? automation.fallbackUserId ?? null;
  let action: AppointmentReplyAction | null = matched?.action ?? null;

  // Beyond keywords: with Anthropic, an unmatched reminder reply is classified.
  if (!matched && ai && automation.aiReplies && automation.type === "appointment_reminder") {
    const reading = await classifyReminderReply(ai, text);
    if (reading) {
      outcome.classification = reading.classification;
      outcome.replySummary = reading.summary;
      if (reading.classification === "confirm") action = "confirm_appointment";
      else if (reading.classification === "cancel") action = "cancel_appointment";
      else if (reading.classification === "reschedule") action = "reschedule_appointment";
    }
  }
  if (action) outcome.classification = ACTION_CLASSIFICATION[action];

  if (action && result.appointmentId) {
    outcome.appointmentStatus = await applyAppointmentAction(db, { automation, result, action, repliesUserId, text, summary: outcome.replySummary ?? null });
  } else if (!matched && repliesUserId && outcome.classification && outcome.classification !== "other") {
    // A question the model read: the replies user gets it with its one-line summary.
    await notifyAboutResult(db, {
      companyId,
      userIds: [repliesUserId],
      kind: "automation.reply_needs_attention",
      data: { automationId: automation.id, automationName: automation.name, resultId: result.id, customerId: result.customerId, summary: outcome.replySummary ?? null, text: text.slice(0, 300) },
      link: resultLink(automation, result.id),
    });
  }

  if (repliesUserId) await routeConversation(db, { companyId, conversationId, userId: repliesUserId, now, reason: "automation" });

  const reply = matched ? matched.reply : action ? null : automation.fallbackReply;
  if (reply?.trim()) await sendAutoReply(db, { automation, result, body: reply }, dependencies);

  if (automation.sentimentEnabled) {
    const reading = await readSentiment(ai, text, { language, scale: automation.sentimentScale });
    outcome.sentiment = reading.sentiment;
    outcome.score = reading.score;
    if (reading.explanation && !outcome.replySummary) outcome.replySummary = reading.explanation;
    if (reading.sentiment === "negative" && automation.negativeNotifyUserIds.length) {
      await notifyAboutResult(db, {
        companyId,
        userIds: automation.negativeNotifyUserIds,
        kind: "automation.negative_reply",
        data: { automationId: automation.id, automationName: automation.name, resultId: result.id, customerId: result.customerId, score: reading.score, text: text.slice(0, 300), explanation: reading.explanation },
        link: resultLink(automation, result.id),
      });
    }
  }
  return outcome;
}

const ACTION_NOTIFICATION: Record<AppointmentReplyAction, NotificationKind> = {
  confirm_appointment: "automation.appointment_confirmed",
  cancel_appointment: "automation.appointment_cancelled",
  reschedule_appointment: "automation.reschedule_requested",
};

/**
 * Confirm / cancel set the appointment's status (by the customer, which notifies its
 * assigned user); a reschedule request leaves it and asks the replies user to call back.
 * Returns the appointment status the reply led to.
 */
async function applyAppointmentAction(
  db: Db,
  { automation, result, action, repliesUserId, text, summary }: { automation: Automation; result: Result; action: AppointmentReplyAction; repliesUserId: string | null; text: string; summary: string | null },
) {
  const companyId = automation.companyId;
  let status: string = "reschedule_requested";
  let assignedUserId: string | null = null;
  if (action !== "reschedule_appointment") {
    const updated = await changeAppointmentStatus(db, {
      companyId,
      appointmentId: result.appointmentId!,
      status: action === "confirm_appointment" ? "confirmed" : "cancelled",
      by: "customer",
    });
    if (!updated) return null;
    status = updated.status;
    assignedUserId = updated.assignedUserId;
  }
  const userIds = [repliesUserId].filter((id): id is string => Boolean(id) && id !== assignedUserId);
  if (userIds.length) {
    await notifyAboutResult(db, {
      companyId,
      userIds,
      kind: ACTION_NOTIFICATION[action],
      data: { automationId: automation.id, automationName: automation.name, resultId: result.id, customerId: result.customerId, appointmentId: result.appointmentId, text: text.slice(0, 300), summary },
      link: resultLink(automation, result.id),
    });
  }
  return status;
}

/** The keyword's (or fallback) auto-reply, once per result. */
async function sendAutoReply(db: Db, { automation, result, body }: { automation: Automation; result: Result; body: string }, dependencies: SendDependencies) {
  if (await findResultMessage(db, { companyId: automation.companyId, resultId: result.id, kind: "keyword_reply" })) return;
  const subjects = await findResultSubjects(db, {
    companyId: automation.companyId,
    appointmentIds: result.appointmentId ? [result.appointmentId] : [],
    eventIds: result.eventId ? [result.eventId] : [],
  });
  await sendSms(
    db,
    {
      companyId: automation.companyId,
      customerId: result.customerId,
      body,
      category: "general",
      source: { kind: "keyword_reply", id: result.id },
      subjects: { appointment: subjects.appointments.get(result.appointmentId ?? "") ?? null, event: subjects.events.get(result.eventId ?? "") ?? null },
    },
    dependencies,
  );
}
