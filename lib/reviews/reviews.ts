import "server-only";
import { nudgeWebhookDelivery, recordWebhookEvent } from "@/lib/webhooks/record";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { findCustomer } from "@/db/queries/customers";
import { deleteReview, findReviewByToken as findReviewRowByToken, insertReview, recordReviewAnswer, setReviewMessage } from "@/db/queries/reviews";
import { listCompanyUsers } from "@/db/queries/users";
import { SafeError } from "@/lib/actions/errors";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { notify } from "@/lib/notifications/notify";
import type { submitReviewSchema } from "./validation";

export const reviewUrl = (token: string) => new URL(`/r/${token}`, env().APP_URL).toString();

/** The review to ask for, with its public link: created when the text goes, now or at its scheduled time. */
export async function createReviewLink(db: Db, { companyId, customerId, userId }: { companyId: string; customerId: string; userId: string | null }) {
  const review = await insertReview(db, { companyId, customerId, publicToken: randomBytes(18).toString("base64url"), requestedByUserId: userId });
  return { ...review, url: reviewUrl(review.publicToken) };
}

/** The staff member's text, or the default request in the customer's language. */
export const reviewRequestText = (language: Locale, body?: string) => body?.trim() || translatorFor(language)("reviews.requestText");

/** EDIT-10: texts the customer a link asking for a review. */
export async function requestReview(
  db: Db,
  { companyId, userId, customerId, body }: { companyId: string; userId: string; customerId: string; body?: string },
  dependencies: SendDependencies = {},
) {
  const customer = await findCustomer(db, { companyId, customerId });
  if (!customer) throw new SafeError("errors.notFound");
  const review = await createReviewLink(db, { companyId, customerId, userId });
  const sent = await sendSms(
    db,
    { companyId, customerId, body: `${reviewRequestText(customer.language, body)}\n${review.url}`, category: "general", source: { kind: "manual" }, senderUserId: userId },
    dependencies,
  );
  if (!sent.ok) {
    await deleteReview(db, { companyId, reviewId: review.id });
    throw new SafeError(`sendRefusal.${sent.reason}`);
  }
  await setReviewMessage(db, { companyId, reviewId: review.id, messageId: sent.message.id });
  return { id: review.id, token: review.publicToken, messageId: sent.message.id, conversationId: sent.message.conversationId };
}

export const findReviewByToken = (db: Db, token: string) => findReviewRowByToken(db, { token });

/**
 * The customer's answer on /r/[token]: recorded once, on their profile's Reviews tab,
 * with a "new review" notification to whoever asked and the administrators.
 */
export async function submitReview(db: Db, input: z.infer<typeof submitReviewSchema>, now = new Date()) {
  const review = await findReviewByToken(db, input.token);
  if (!review) throw new SafeError("errors.notFound");
  const saved = await db.transaction(async (tx) => {
    const row = await recordReviewAnswer(tx, { companyId: review.companyId, reviewId: review.id, rating: input.rating, comment: input.comment || null, submittedAt: now });
    if (row) {
      await recordWebhookEvent(tx, {
        companyId: row.companyId,
        type: "review.created",
        customerId: row.customerId,
        payload: { review: { id: row.id, customer_id: row.customerId, rating: row.rating, comment: row.comment, submitted_at: now.toISOString() } },
      });
    }
    return row;
  });
  if (saved) await nudgeWebhookDelivery();
  if (!saved) return { review: (await findReviewByToken(db, input.token)) ?? review, alreadySubmitted: true };
  const admins = (await listCompanyUsers(db, { companyId: saved.companyId })).filter((u) => can(u, "hearOfNewReviews")).map((u) => u.id);
  await notify(db, {
    companyId: saved.companyId,
    userIds: [...(saved.requestedByUserId ? [saved.requestedByUserId] : []), ...admins],
    kind: "review.new",
    data: { reviewId: saved.id, customerId: saved.customerId, rating: saved.rating, preview: saved.comment?.slice(0, 140) ?? null },
    link: `/customers/${saved.customerId}?tab=reviews`,
  });
  publish(saved.companyId, { type: "customer.updated", customerId: saved.customerId });
  return { review: saved, alreadySubmitted: false };
}
