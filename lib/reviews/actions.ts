"use server";

import { z } from "zod";
import { findConversation } from "@/db/queries/conversations";
import { defineAction, definePublicAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { requestReview, submitReview as recordSubmittedReview } from "./reviews";
import { reviewRequestSchema, submitReviewSchema } from "./validation";

export const createReviewRequest = defineAction(
  { input: reviewRequestSchema, output: z.object({ id: z.string(), token: z.string(), messageId: z.string(), conversationId: z.string() }) },
  async ({ conversationId, body }, { db, companyId, userId }) => {
    const conversation = await findConversation(db, { companyId, conversationId });
    if (!conversation) throw new NotFoundError();
    return requestReview(db, { companyId, userId, customerId: conversation.customerId, body });
  },
);

/** Public: the review form on /r/[token] posts here; the token is the only key. */
export const submitReview = definePublicAction(
  { input: submitReviewSchema, output: z.object({ rating: z.number(), alreadySubmitted: z.boolean() }) },
  async (input, { db }) => {
    const { review, alreadySubmitted } = await recordSubmittedReview(db, input);
    return { rating: review.rating ?? input.rating, alreadySubmitted };
  },
);
