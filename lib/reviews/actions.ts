import { z } from "zod";
import { findConversation } from "@/db/queries/conversations";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { requestReview } from "./reviews";

export const createReviewRequest = defineAction(
  { input: z.object({ conversationId: z.uuid(), body: z.string().trim().max(1200, { message: "conversations.tooLong" }).optional() }) },
  async ({ conversationId, body }, { db, companyId, userId }) => {
    const conversation = await findConversation(db, { companyId, conversationId });
    if (!conversation) throw new NotFoundError();
    return requestReview(db, { companyId, userId, customerId: conversation.customerId, body });
  },
);
