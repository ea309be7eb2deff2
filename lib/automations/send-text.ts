import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import type { ResultOutcome } from "@/db/queries/automation-runs";
import { findCompany } from "@/db/queries/companies";
import { findMessage } from "@/db/queries/messages";
import { deleteReview, insertReview, setReviewMessage } from "@/db/queries/reviews";
import type { AutomationSkipReason } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import { defaultAssignee } from "@/lib/conversations/routing";
import { ensureActiveConversation } from "@/lib/conversations/thread";
import { sendSms, type SendDependencies, type SendRequest } from "@/lib/messaging/send";
import { requestPayment } from "@/lib/payments/payments";
import { stripeOrNull } from "@/lib/payments/stripe";
import { reviewUrl } from "@/lib/reviews/reviews";
import type { Automation } from "./types";

/** What of an automation its text needs: saved, or the wizard's draft for "send a test". */
export type AutomationText = Pick<Automation, "companyId" | "name" | "type" | "messageBody" | "marketing" | "settings">;

type Subjects = NonNullable<SendRequest["subjects"]>;

/** A refusal of the gate as a skip reason. */
export function skipReasonOf(reason: string): AutomationSkipReason {
  const known: AutomationSkipReason[] = ["opted_out", "unsubscribed_general", "unsubscribed_marketing", "no_mobile", "quiet_hours", "empty_message", "template_error", "customer_not_found"];
  return (known as string[]).includes(reason) ? (reason as AutomationSkipReason) : "customer_not_found";
}

/** The gate's answer as an outcome. */
function outcomeOf(sent: Awaited<ReturnType<typeof sendSms>>): ResultOutcome {
  if (!sent.ok) return { status: "skipped", skipReason: skipReasonOf(sent.reason) };
  if (sent.message.status === "failed") return { status: "failed", messageId: sent.message.id, error: sent.message.errorText ?? sent.message.errorCode ?? "failed" };
  return { status: "sent", messageId: sent.message.id, sentAt: sent.message.createdAt };
}

/**
 * Sends an automation's text to one customer, as the customer gets it: a review request
 * adds its review link, a payment request its secure payment link (Stripe), each as plain
 * text after the template. The run sends results this way, "send a test" the draft
 * (source automation_test), so a test carries the same real link.
 *
 * `userId`: who asks for the review or payment (the automation's author, or the tester).
 */
export async function sendAutomationText(
  db: Db,
  { automation, customerId, source, subjects, userId }: { automation: AutomationText; customerId: string; source: SendRequest["source"]; subjects: Subjects; userId: string | null },
  dependencies: SendDependencies = {},
): Promise<ResultOutcome> {
  const { companyId } = automation;
  const request: SendRequest = {
    companyId,
    customerId,
    body: automation.messageBody,
    category: automation.marketing ? "marketing" : "general",
    source,
    subjects,
  };

  if (automation.type === "review_request") {
    const review = await insertReview(db, { companyId, customerId, publicToken: randomBytes(18).toString("base64url"), requestedByUserId: userId });
    const sent = await sendSms(db, { ...request, body: `${automation.messageBody.trimEnd()}\n${reviewUrl(review.publicToken)}` }, dependencies);
    if (sent.ok) await setReviewMessage(db, { companyId, reviewId: review.id, messageId: sent.message.id });
    else await deleteReview(db, { companyId, reviewId: review.id });
    return outcomeOf(sent);
  }

  if (automation.type === "payment_request") {
    const stripe = stripeOrNull();
    const event = subjects.event;
    const attribute = automation.settings.paymentAmountAttribute;
    const fromEvent = attribute ? Number(event?.attributes[attribute]) : NaN;
    const amountCents = automation.settings.paymentAmountCents ?? (Number.isFinite(fromEvent) ? Math.round(fromEvent * 100) : 0);
    if (!stripe || !userId || !(amountCents > 0)) return { status: "skipped", skipReason: "payment_unavailable" };
    const company = await findCompany(db, { companyId });
    const conversation = await ensureActiveConversation(db, { companyId, customerId, assignTo: defaultAssignee(company!), now: new Date() });
    const reference = event?.number ?? automation.settings.paymentDescription ?? automation.name;
    try {
      const paid = await requestPayment(
        db,
        stripe.client,
        {
          companyId,
          userId,
          customerId,
          conversationId: conversation.id,
          amountCents,
          // A test's request shows as one wherever payment requests are listed.
          reference: source.kind === "automation_test" ? `[Test] ${reference}` : reference,
          body: automation.messageBody,
          source,
          subjects,
        },
        dependencies,
      );
      const message = await findMessage(db, { companyId, messageId: paid.messageId });
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
