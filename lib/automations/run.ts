import "server-only";
import { nudgeWebhookDelivery, recordWebhookEvent } from "@/lib/webhooks/record";
import { randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import type { Db } from "@/db/client";
import { audienceSelect, type AudienceSubject } from "@/db/queries/audience";
import { withAudienceGroups } from "@/db/queries/groups";
import {
  claimAutomationRun,
  claimPendingResults,
  findResultMessage,
  findResultSubjects,
  finishAutomationRun,
  insertAutomationRun,
  insertRunResults,
  listActiveAutomations,
  listAutomationsWithPendingResults,
  releaseResultClaim,
  settleResult,
  findAutomationForRun,
  type ClaimedResult,
  type ResultOutcome,
} from "@/db/queries/automation-runs";
import { findCompany } from "@/db/queries/companies";
import { deleteReview, insertReview, setReviewMessage } from "@/db/queries/reviews";
import { SafeError } from "@/lib/actions/errors";
import { defaultAssignee } from "@/lib/conversations/routing";
import { ensureActiveConversation } from "@/lib/conversations/thread";
import { requestPayment } from "@/lib/payments/payments";
import { stripeOrNull } from "@/lib/payments/stripe";
import { reviewUrl } from "@/lib/reviews/reviews";
import type { AutomationSkipReason, TriggerScope } from "@/db/schema";
import { nudge } from "@/lib/background/dispatch";
import { automationRunRequested } from "@/lib/background/events";
import { env } from "@/lib/env";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { defaultSenderThrottle, type SenderThrottle } from "@/lib/messaging/throttle";
import { notifyAboutResult } from "./notify-result";
import { audienceSubjectFor } from "./rules";
import type { Automation } from "./types";

/** A claim older than this belongs to a worker that died: its results are sent again. */
export const RESULT_CLAIM_TIMEOUT_MS = 5 * 60_000;
const BATCH = 50;

/** Which rows an audience is made of, from what counts as "the same trigger". */
export const subjectForScope = (scope: TriggerScope): AudienceSubject => audienceSubjectFor(scope);

/** The calendar day in the zone, "YYYY-MM-DD" (the repeat trigger's key). */
export function localDay(now: Date, timeZone: string) {
  const zoned = new TZDate(now.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`;
}

type Schedule = Pick<Automation, "schedule" | "dailyAt" | "realtimeEveryMinutes">;

/**
 * The instant since which the automation is due, or null when it is not due at `now`: a
 * daily one at today's `dailyAt` in the company's zone, a real-time one every N minutes.
 * It is due when it last ran before that instant.
 */
export function dueSince(automation: Schedule, timeZone: string, now: Date): Date | null {
  if (automation.schedule === "realtime") {
    // A little slack so a sweep every minute runs a 5-minute automation every 5 minutes.
    return new Date(now.getTime() - Math.max(1, automation.realtimeEveryMinutes) * 60_000 + 15_000);
  }
  const [hour = 9, minute = 0] = automation.dailyAt.split(":").map(Number);
  const zoned = new TZDate(now.getTime(), timeZone);
  const slot = new Date(new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), hour, minute, timeZone).getTime());
  return slot.getTime() <= now.getTime() ? slot : null;
}

const isDue = (lastRunAt: Date | null, since: Date | null) => since !== null && (lastRunAt === null || lastRunAt < since);

type RunOptions = { dependencies?: SendDependencies; throttle?: SenderThrottle };

/**
 * Runs one automation if it is due (or `force`, for a run someone asked for): claims the
 * run, turns its audience into pending results in one INSERT … SELECT … ON CONFLICT DO
 * NOTHING on the trigger key, then sends each pending result through the sending gate.
 */
export async function runAutomation(
  db: Db,
  { companyId, automationId, now = new Date(), force = false }: { companyId: string; automationId: string; now?: Date; force?: boolean },
  options: RunOptions = {},
) {
  const company = await findCompany(db, { companyId });
  const current = await findAutomationForRun(db, { companyId, automationId });
  if (!company || !current || current.status !== "active") return { status: "inactive" as const };
  // A forced run (just activated, or asked for) claims whatever the schedule says.
  const since = force ? new Date(now.getTime() + 1) : dueSince(current, company.timezone, now);
  if (!since || !isDue(current.lastRunAt, since)) return { status: "not_due" as const };
  const automation = await claimAutomationRun(db, { companyId, automationId, dueSince: since, now });
  if (!automation) return { status: "not_due" as const };

  const run = await insertAutomationRun(db, { companyId, automationId, now });
  try {
    const audience = audienceSelect(
      await withAudienceGroups(db, {
        companyId,
        rules: automation.rules,
        subject: subjectForScope(automation.triggerScope),
        now,
        timeZone: company.timezone,
      }),
    );
    const matched = await insertRunResults(db, {
      companyId,
      automationId,
      runId: run.id,
      audience,
      triggerScope: automation.triggerScope,
      repeatAfterDays: automation.repeatAfterDays,
      dayKey: localDay(now, company.timezone),
      now,
    });
    const sent = await sendPendingResults(db, { automation }, options);
    await finishAutomationRun(db, { companyId, runId: run.id, status: "completed", matchedCount: matched, sentCount: sent.sent, errorCount: sent.failed, now: new Date() });
    if (matched > 0 || sent.settled > 0) publish(companyId, { type: "automation.updated", automationId });
    return { status: "ran" as const, runId: run.id, matched, ...sent };
  } catch (error) {
    await finishAutomationRun(db, { companyId, runId: run.id, status: "failed", matchedCount: 0, sentCount: 0, errorCount: 1, now: new Date() }).catch(() => {});
    throw error;
  }
}

/**
 * The sweep (a cron function with Inngest, the in-process timer embedded): runs every
 * active automation that is due, then finishes the sends a stopped run left pending.
 */
export async function runDueAutomations(db: Db, now = new Date(), options: RunOptions = {}) {
  const active = await listActiveAutomations(db);
  let ran = 0;
  let sent = 0;
  for (const automation of active) {
    if (!isDue(automation.lastRunAt, dueSince(automation, automation.timeZone, now))) continue;
    try {
      const outcome = await runAutomation(db, { companyId: automation.companyId, automationId: automation.id, now }, options);
      if (outcome.status === "ran") {
        ran++;
        sent += outcome.sent;
      }
    } catch (error) {
      console.error("[automations] run failed; the next sweep retries", error);
    }
  }
  const stale = await listAutomationsWithPendingResults(db, { staleBefore: new Date(now.getTime() - RESULT_CLAIM_TIMEOUT_MS) });
  for (const row of stale) {
    const automation = await findAutomationForRun(db, { companyId: row.company_id, automationId: row.automation_id });
    if (!automation) continue;
    if (automation.status !== "active") continue;
    const resumed = await sendPendingResults(db, { automation }, options).catch((error: unknown) => {
      console.error("[automations] resuming sends failed", error);
      return { sent: 0 };
    });
    sent += resumed.sent;
  }
  return { active: active.length, ran, sent };
}

/**
 * The run-due-automations sweep. Embedded, it runs them here; with an Inngest engine it
 * only fans out one run.requested event per due automation (each run then claims it and
 * sends in its own function, so a large audience never holds the cron step).
 */
export async function sweepDueAutomations(db: Db, now = new Date()) {
  if (env().backgroundEngine === "in-process") return runDueAutomations(db, now);
  const active = await listActiveAutomations(db);
  const due = active.filter((automation) => isDue(automation.lastRunAt, dueSince(automation, automation.timeZone, now)));
  for (const automation of due) {
    await nudge(automationRunRequested.create({ companyId: automation.companyId, automationId: automation.id, force: false }));
  }
  return { active: active.length, requested: due.length };
}

/** Sends every pending result of the automation, claimed in batches. */
export async function sendPendingResults(db: Db, { automation }: { automation: Automation }, options: RunOptions = {}) {
  const company = await findCompany(db, { companyId: automation.companyId });
  const throttle = options.throttle ?? defaultSenderThrottle();
  const totals = { sent: 0, skipped: 0, failed: 0, settled: 0 };
  for (;;) {
    const claimed = await claimPendingResults(db, {
      companyId: automation.companyId,
      automationId: automation.id,
      limit: BATCH,
      now: new Date(),
      staleBefore: new Date(Date.now() - RESULT_CLAIM_TIMEOUT_MS),
    });
    if (claimed.length === 0) break;
    const subjects = await findResultSubjects(db, {
      companyId: automation.companyId,
      appointmentIds: claimed.flatMap((row) => (row.appointmentId ? [row.appointmentId] : [])),
      eventIds: claimed.flatMap((row) => (row.eventId ? [row.eventId] : [])),
    });
    for (const result of claimed) {
      await throttle.wait(db, company?.senderNumber ?? "");
      try {
        const outcome = await sendResult(db, { automation, result, subjects }, options.dependencies);
        if (!outcome) continue;
        totals.settled++;
        totals[outcome.status]++;
      } catch (error) {
        console.error("[automations] send failed unexpectedly; it will be retried", error);
        await releaseResultClaim(db, { companyId: automation.companyId, resultId: result.id }).catch(() => {});
      }
    }
    if (claimed.length < BATCH) break;
  }
  return totals;
}

type Subjects = Awaited<ReturnType<typeof findResultSubjects>>;

/** A refusal of the gate as the result's skip reason. */
function skipReasonOf(reason: string): AutomationSkipReason {
  const known: AutomationSkipReason[] = ["opted_out", "unsubscribed_general", "unsubscribed_marketing", "no_mobile", "quiet_hours", "empty_message", "template_error", "customer_not_found"];
  return (known as string[]).includes(reason) ? (reason as AutomationSkipReason) : "customer_not_found";
}

/**
 * Sends one claimed result, once: a message already recorded for it (a worker died after
 * sending) settles it instead of a second send. pending → sent / skipped / failed.
 */
async function sendResult(
  db: Db,
  { automation, result, subjects }: { automation: Automation; result: ClaimedResult; subjects: Subjects },
  dependencies: SendDependencies = {},
) {
  const companyId = automation.companyId;
  const existing = await findResultMessage(db, { companyId, resultId: result.id, kind: "automation" });
  let outcome: ResultOutcome;
  if (existing) {
    outcome = existing.status === "failed"
      ? { status: "failed", messageId: existing.id, error: existing.errorText ?? existing.errorCode ?? "failed" }
      : { status: "sent", messageId: existing.id, sentAt: existing.createdAt };
  } else {
    outcome = await sendWithLink(db, { automation, result, subjects }, dependencies);
  }
  const settled = await db.transaction(async (tx) => {
    const row = await settleResult(tx, { companyId, resultId: result.id, outcome, now: new Date() });
    if (row) {
      await recordWebhookEvent(tx, {
        companyId,
        type: "automation.result",
        customerId: row.customerId,
        payload: {
          result: {
            id: row.id,
            automation_id: row.automationId,
            automation_name: automation.name,
            customer_id: row.customerId,
            appointment_id: row.appointmentId,
            event_id: row.eventId,
            status: row.status,
            skip_reason: row.skipReason,
            message_id: row.messageId,
            error: row.error,
          },
        },
      });
    }
    return row;
  });
  if (!settled) return null;
  await nudgeWebhookDelivery();
  if (outcome.status === "failed") await notifySendFailed(db, { automation, resultId: result.id, customerId: result.customerId, error: outcome.error });
  return outcome;
}

/** The gate's answer as the result's outcome. */
function outcomeOf(sent: Awaited<ReturnType<typeof sendSms>>): ResultOutcome {
  if (!sent.ok) return { status: "skipped", skipReason: skipReasonOf(sent.reason) };
  if (sent.message.status === "failed") return { status: "failed", messageId: sent.message.id, error: sent.message.errorText ?? sent.message.errorCode ?? "failed" };
  return { status: "sent", messageId: sent.message.id, sentAt: sent.message.createdAt };
}

/**
 * Sends the automation's text; a review request adds its review link, a payment request
 * its secure payment link (Stripe), each as plain text after the template.
 */
async function sendWithLink(db: Db, { automation, result, subjects }: { automation: Automation; result: ClaimedResult; subjects: Subjects }, dependencies: SendDependencies): Promise<ResultOutcome> {
  const companyId = automation.companyId;
  const appointment = result.appointmentId ? subjects.appointments.get(result.appointmentId) : undefined;
  const event = result.eventId ? subjects.events.get(result.eventId) : undefined;
  const request = {
    companyId,
    customerId: result.customerId,
    body: automation.messageBody,
    category: automation.marketing ? ("marketing" as const) : ("general" as const),
    source: { kind: "automation" as const, id: result.id },
    subjects: { appointment: appointment ?? null, event: event ?? null },
  };

  if (automation.type === "review_request") {
    const review = await insertReview(db, { companyId, customerId: result.customerId, publicToken: randomBytes(18).toString("base64url"), requestedByUserId: automation.createdByUserId });
    const sent = await sendSms(db, { ...request, body: `${automation.messageBody.trimEnd()}\n${reviewUrl(review.publicToken)}` }, dependencies);
    if (sent.ok) await setReviewMessage(db, { companyId, reviewId: review.id, messageId: sent.message.id });
    else await deleteReview(db, { companyId, reviewId: review.id });
    return outcomeOf(sent);
  }

  if (automation.type === "payment_request") {
    const stripe = stripeOrNull();
    const userId = automation.createdByUserId ?? automation.fallbackUserId;
    const fromEvent = automation.settings.paymentAmountAttribute ? Number(event?.attributes[automation.settings.paymentAmountAttribute]) : NaN;
    const amountCents = automation.settings.paymentAmountCents ?? (Number.isFinite(fromEvent) ? Math.round(fromEvent * 100) : 0);
    if (!stripe || !userId || !(amountCents > 0)) return { status: "skipped", skipReason: "payment_unavailable" };
    const company = await findCompany(db, { companyId });
    const conversation = await ensureActiveConversation(db, { companyId, customerId: result.customerId, assignTo: defaultAssignee(company!), now: new Date() });
    try {
      const paid = await requestPayment(
        db,
        stripe.client,
        {
          companyId,
          userId,
          customerId: result.customerId,
          conversationId: conversation.id,
          amountCents,
          reference: event?.number ?? automation.settings.paymentDescription ?? automation.name,
          body: automation.messageBody,
          source: request.source,
          subjects: request.subjects,
        },
        dependencies,
      );
      const message = await findResultMessage(db, { companyId, resultId: result.id, kind: "automation" });
      if (message?.status === "failed") return { status: "failed", messageId: message.id, error: message.errorText ?? message.errorCode ?? "failed" };
      return { status: "sent", messageId: paid.messageId, sentAt: message?.createdAt ?? new Date() };
    } catch (error) {
      if (error instanceof SafeError && error.message.startsWith("sendRefusal.")) return { status: "skipped", skipReason: skipReasonOf(error.message.slice("sendRefusal.".length)) };
      if (error instanceof SafeError) return { status: "failed", messageId: null, error: error.message };
      throw error;
    }
  }

  return outcomeOf(await sendSms(db, request, dependencies));
}

async function notifySendFailed(db: Db, { automation, resultId, customerId, error }: { automation: Automation; resultId: string; customerId: string; error: string }) {
  const userIds = [automation.fallbackUserId, automation.createdByUserId].filter((id): id is string => Boolean(id));
  if (userIds.length === 0) return;
  await notifyAboutResult(db, {
    companyId: automation.companyId,
    userIds,
    kind: "automation.send_failed",
    data: { automationId: automation.id, automationName: automation.name, resultId, customerId, error },
    link: `/automations/${automation.id}?result=${resultId}`,
  });
}
