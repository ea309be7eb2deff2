import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listCompanyUsers } from "@/db/queries/users";
import { customers, reviews } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translator";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { notify } from "@/lib/notifications/notify";

export const reviewUrl = (token: string) => new URL(`/r/${token}`, env().APP_URL).toString();

/** EDIT-10: texts the customer a link asking for a review. */
export async function requestReview(
  db: Db,
  { companyId, userId, customerId, body }: { companyId: string; userId: string; customerId: string; body?: string },
  dependencies: SendDependencies = {},
) {
  const [customer] = await db.select().from(customers).where(and(eq(customers.companyId, companyId), eq(customers.id, customerId)));
  if (!customer) throw new SafeError("errors.notFound");
  const [review] = await db
    .insert(reviews)
    .values({ companyId, customerId, publicToken: randomBytes(18).toString("base64url"), requestedByUserId: userId })
    .returning();
  const text = body?.trim() || translatorFor(customer.language)("reviews.requestText");
  const sent = await sendSms(
    db,
    { companyId, customerId, body: `${text}\n${reviewUrl(review!.publicToken)}`, category: "general", source: { kind: "manual" }, senderUserId: userId },
    dependencies,
  );
  if (!sent.ok) {
    await db.delete(reviews).where(eq(reviews.id, review!.id));
    throw new SafeError(`sendRefusal.${sent.reason}`);
  }
  await db.update(reviews).set({ messageId: sent.message.id }).where(eq(reviews.id, review!.id));
  return { id: review!.id, token: review!.publicToken, messageId: sent.message.id, conversationId: sent.message.conversationId };
}

export async function findReviewByToken(db: Db, token: string) {
  const [row] = await db.select().from(reviews).where(eq(reviews.publicToken, token));
  return row;
}

export const submitReviewSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/),
  rating: z.coerce.number({ message: "reviews.ratingRequired" }).int().min(1, { message: "reviews.ratingRequired" }).max(5, { message: "reviews.ratingRequired" }),
  comment: z.string().trim().max(2000, { message: "reviews.commentTooLong" }).default(""),
});

/**
 * The customer's answer on /r/[token]: recorded once, on their profile's Reviews tab,
 * with a "new review" notification to whoever asked and the administrators.
 */
export async function submitReview(db: Db, input: z.infer<typeof submitReviewSchema>, now = new Date()) {
  const [saved] = await db
    .update(reviews)
    .set({ rating: input.rating, comment: input.comment || null, submittedAt: now })
    .where(and(eq(reviews.publicToken, input.token), isNull(reviews.submittedAt)))
    .returning();
  if (!saved) {
    const existing = await findReviewByToken(db, input.token);
    if (!existing) throw new SafeError("errors.notFound");
    return { review: existing, alreadySubmitted: true };
  }
  const admins = (await listCompanyUsers(db, { companyId: saved.companyId })).filter((u) => u.role === "admin").map((u) => u.id);
  await notify(db, {
    companyId: saved.companyId,
    userIds: [...(saved.requestedByUserId ? [saved.requestedByUserId] : []), ...admins],
    kind: "review.new",
    data: { reviewId: saved.id, customerId: saved.customerId, rating: saved.rating },
    link: `/customers/${saved.customerId}?tab=reviews`,
  });
  publish(saved.companyId, { type: "customer.updated", customerId: saved.customerId });
  return { review: saved, alreadySubmitted: false };
}
