"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { publish } from "@/lib/live/bus";
import { dismissOptOutFlag, unsubscribeFromOptOutFlag } from "./consent";
import { sendConsentReply } from "./reply";
import { optOutFlagSchema } from "./validation";

const resolved = z.object({ customerId: z.string(), conversationId: z.string() });

/** "This may be an opt-out request" → Unsubscribe customer: opted out as by STOP, confirmed to them once. */
export const unsubscribeFlaggedCustomer = defineAction({ input: optOutFlagSchema, output: resolved }, async ({ flagId }, { db, companyId, userId }) => {
  const { customerId, conversationId, reply } = await unsubscribeFromOptOutFlag(db, { companyId, flagId, userId });
  if (reply) await sendConsentReply(db, { companyId, customerId, reply });
  publish(companyId, { type: "conversation.updated", conversationId });
  publish(companyId, { type: "customer.updated", customerId });
  return { customerId, conversationId };
});

/** "Not an opt-out": the hint goes away and the customer stays subscribed. */
export const dismissOptOutHint = defineAction({ input: optOutFlagSchema, output: resolved }, async ({ flagId }, { db, companyId, userId }) => {
  const result = await dismissOptOutFlag(db, { companyId, flagId, userId });
  publish(companyId, { type: "conversation.updated", conversationId: result.conversationId });
  return result;
});
