import { z } from "zod";

export const reviewRequestSchema = z.object({
  conversationId: z.uuid(),
  body: z.string().trim().max(1200, { message: "conversations.tooLong" }).optional(),
});

export const submitReviewSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/),
  rating: z.coerce.number({ message: "reviews.ratingRequired" }).int().min(1, { message: "reviews.ratingRequired" }).max(5, { message: "reviews.ratingRequired" }),
  comment: z.string().trim().max(2000, { message: "reviews.commentTooLong" }).default(""),
});
