import "server-only";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findActiveConversation } from "@/db/queries/conversations";
import { findCustomer } from "@/db/queries/customers";
import { updatePaymentRequest } from "@/db/queries/payments";
import { deleteReview, setReviewMessage } from "@/db/queries/reviews";
import { claimDueScheduled, setScheduledOutcome, listDueScheduledIds, type ScheduledMessageRow } from "@/db/queries/scheduling";
import { SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { sendRefusal } from "@/lib/messaging/sendability";
import { sendSms, type SendDependencies, type SentMessage } from "@/lib/messaging/send";
import { notify } from "@/lib/notifications/notify";
import { createPaymentLink, withRequestLink } from "@/lib/payments/payments";
import { stripeOrNull } from "@/lib/payments/stripe";
import { createReviewLink } from "@/lib/reviews/reviews";

/** Why a scheduled request could not even be prepared (the sending gate's refusals aside). */
export type ScheduledFailure = "payments_not_configured" | "payment_link_failed";

type Prepared =
  | { ok: true; body: string; link: { paymentRequestId: string } | { reviewRequestId: string } | null; discard: () => Promise<void> }
  | { ok: false; reason: string };

const noLink = async () => {};

/**
 * A scheduled request gets its link only now, when it is due (a payment link created
 * weeks early could expire or be paid twice). Nothing is created for a customer who can
 * no longer be texted, and a failure names its reason instead of throwing.
 */
async function prepare(db: Db, row: ScheduledMessageRow, now: Date): Promise<Prepared> {
  if (row.kind === "message") return { ok: true, body: row.body, link: null, discard: noLink };
  const { companyId, customerId } = row;
  const [customer, company] = await Promise.all([findCustomer(db, { companyId, customerId }), findCompany(db, { companyId })]);
  if (!customer || !company || customer.mergedIntoId) return { ok: false, reason: "customer_not_found" };
  const refusal = sendRefusal(customer, company, "general", now);
  if (refusal) return { ok: false, reason: refusal };

  if (row.kind === "review_request") {
    const review = await createReviewLink(db, { companyId, customerId, userId: row.authorUserId });
    return { ok: true, body: withRequestLink(row.body, review.url), link: { reviewRequestId: review.id }, discard: () => deleteReview(db, { companyId, reviewId: review.id }) };
  }
  const stripe = stripeOrNull();
  if (!stripe) return { ok: false, reason: "payments_not_configured" satisfies ScheduledFailure };
  const conversationId = (await findActiveConversation(db, { companyId, customerId }))?.id ?? null;
  try {
    const request = await createPaymentLink(db, stripe.client, { companyId, userId: row.authorUserId, customerId, conversationId, amountCents: row.amountCents!, reference: row.reference!, currency: row.currency });
    return {
      ok: true,
      body: withRequestLink(row.body, request.url),
      link: { paymentRequestId: request.id },
      discard: () => updatePaymentRequest(db, { companyId, paymentRequestId: request.id, changes: { status: "cancelled" } }),
    };
  } catch (error) {
    if (error instanceof SafeError) return { ok: false, reason: "payment_link_failed" satisfies ScheduledFailure };
    throw error;
  }
}

/** The request created at send time now points at the text that carried it. */
async function linkToMessage(db: Db, row: ScheduledMessageRow, link: Exclude<Extract<Prepared, { ok: true }>["link"], null>, message: { id: string; conversationId: string }) {
  if ("reviewRequestId" in link) return setReviewMessage(db, { companyId: row.companyId, reviewId: link.reviewRequestId, messageId: message.id });
  await updatePaymentRequest(db, { companyId: row.companyId, paymentRequestId: link.paymentRequestId, changes: { messageId: message.id, conversationId: message.conversationId } });
}

async function fail(db: Db, row: ScheduledMessageRow, reason: string) {
  await setScheduledOutcome(db, { companyId: row.companyId, id: row.id, outcome: { status: "failed", failureReason: reason } });
  if (!row.authorUserId) return;
  const conversationId = (await findActiveConversation(db, { companyId: row.companyId, customerId: row.customerId }))?.id;
  await notify(db, {
    companyId: row.companyId,
    userIds: [row.authorUserId],
    kind: "scheduled.failed",
    data: { scheduledMessageId: row.id, reason, customerId: row.customerId, kind: row.kind },
    link: conversationId ? `/conversations/${conversationId}` : undefined,
  });
}

/**
 * Sends one scheduled message (or payment or review request) if it is still the version
 * that was scheduled and its time has come. The conditional claim makes a duplicate
 * wake-up, an edited or a deleted message do nothing. A refusal (the customer opted out
 * meanwhile, payments switched off) is recorded, shown in the conversation, and the author
 * told why.
 */
export async function sendScheduledMessage(db: Db, { id, version, now = new Date() }: { id: string; version?: number; now?: Date }, dependencies: SendDependencies = {}) {
  const claimed = await claimDueScheduled(db, { id, version, now });
  if (!claimed) return { sent: false as const, reason: "not_due_or_changed" };

  let prepared: Prepared | undefined;
  let result: { ok: true; message: SentMessage } | { ok: false; reason: string };
  try {
    prepared = await prepare(db, claimed, now);
    result = prepared.ok
      ? await sendSms(
          db,
          {
            companyId: claimed.companyId,
            customerId: claimed.customerId,
            body: prepared.body,
            category: "general",
            source: { kind: "scheduled", id: claimed.id },
            senderUserId: claimed.authorUserId,
            sign: true,
            attachmentIds: claimed.attachmentIds,
          },
          { ...dependencies, now },
        )
      : prepared;
  } catch (error) {
    // Put it back: the sweep tries again, with a fresh link.
    if (prepared?.ok) await prepared.discard().catch(() => undefined);
    await setScheduledOutcome(db, { companyId: claimed.companyId, id, outcome: { status: "pending" } });
    throw error;
  }
  if (result.ok) {
    const link = prepared.ok ? prepared.link : null;
    if (link) await linkToMessage(db, claimed, link, result.message);
    await setScheduledOutcome(db, { companyId: claimed.companyId, id, outcome: { status: "sent", messageId: result.message.id, ...link } });
  } else {
    if (prepared.ok) await prepared.discard();
    await fail(db, claimed, result.reason);
  }
  publish(claimed.companyId, { type: "scheduled.updated", customerId: claimed.customerId });
  if (result.ok) publish(claimed.companyId, { type: "conversation.updated", conversationId: result.message.conversationId });
  return result.ok ? { sent: true as const, messageId: result.message.id } : { sent: false as const, reason: result.reason };
}

/** The sweep: every due scheduled message a lost event or a restart left behind. */
export async function sendDueScheduledMessages(db: Db, now = new Date()) {
  const due = await listDueScheduledIds(db, { now });
  let sent = 0;
  for (const id of due) {
    const result = await sendScheduledMessage(db, { id, now }).catch((error: unknown) => {
      console.error("[scheduled] send failed; will retry", error);
      return { sent: false };
    });
    if (result.sent) sent++;
  }
  return { due: due.length, sent };
}
