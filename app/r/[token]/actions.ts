"use server";

import { getDb } from "@/db/client";
import { fieldErrorsOf } from "@/lib/actions/action";
import { SafeError } from "@/lib/actions/errors";
import { submitReview, submitReviewSchema } from "@/lib/reviews/reviews";

/** Public: the review form posts here; the token is the only key. */
export async function submitReviewAction(input: unknown) {
  const parsed = submitReviewSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, error: "errors.invalidInput", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const { review, alreadySubmitted } = await submitReview(await getDb(), parsed.data);
    return { ok: true as const, data: { rating: review.rating ?? parsed.data.rating, alreadySubmitted } };
  } catch (error) {
    if (error instanceof SafeError) return { ok: false as const, error: error.message };
    throw error;
  }
}
