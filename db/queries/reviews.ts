import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reviews } from "@/db/schema";

export type ReviewRow = typeof reviews.$inferSelect;

export async function insertReview(db: Db, values: Omit<typeof reviews.$inferInsert, "id" | "createdAt">) {
  const [created] = await db.insert(reviews).values(values).returning();
  return created!;
}

export async function setReviewMessage(db: Db, { companyId, reviewId, messageId }: { companyId: string; reviewId: string; messageId: string }) {
  await db.update(reviews).set({ messageId }).where(and(eq(reviews.companyId, companyId), eq(reviews.id, reviewId)));
}

export async function deleteReview(db: Db, { companyId, reviewId }: { companyId: string; reviewId: string }) {
  await db.delete(reviews).where(and(eq(reviews.companyId, companyId), eq(reviews.id, reviewId)));
}

/** The public review page knows only the token, which is unguessable and unique. */
export async function findReviewByToken(db: Db, { token }: { token: string }) {
  const [row] = await db.select().from(reviews).where(eq(reviews.publicToken, token));
  return row;
}

/** Records the customer's answer once; undefined when it was already answered. */
export async function recordReviewAnswer(
  db: Db,
  { companyId, reviewId, rating, comment, submittedAt }: { companyId: string; reviewId: string; rating: number; comment: string | null; submittedAt: Date },
) {
  const [saved] = await db
    .update(reviews)
    .set({ rating, comment, submittedAt })
    .where(and(eq(reviews.companyId, companyId), eq(reviews.id, reviewId), isNull(reviews.submittedAt)))
    .returning();
  return saved;
}
