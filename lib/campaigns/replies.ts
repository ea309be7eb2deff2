import "server-only";
import type { Db } from "@/db/client";
import { findCampaignReplyTarget, recordRecipientReply } from "@/db/queries/campaigns";
import { findCustomer } from "@/db/queries/customers";
import type { MessageRow } from "@/db/queries/messages";
import { routeConversation } from "@/lib/automations/routing";
import { classifyOptOut } from "@/lib/compliance/opt-out";
import { publish } from "@/lib/live/bus";

/** A reply counts for the campaign text sent to the customer in the 7 days before it. */
export const CAMPAIGN_REPLY_WINDOW_DAYS = 7;

export type CampaignReplyTarget = NonNullable<Awaited<ReturnType<typeof findCampaignReplyTarget>>>;

export function findCampaignReply(db: Db, { companyId, message }: { companyId: string; message: Pick<MessageRow, "customerId" | "createdAt"> }) {
  return findCampaignReplyTarget(db, { companyId, customerId: message.customerId, at: message.createdAt, windowDays: CAMPAIGN_REPLY_WINDOW_DAYS });
}

/**
 * A reply to a campaign text: recorded on its recipient (the first one), the conversation
 * goes to the campaign's replies user, and a STOP (or a customer now opted out) counts as
 * opted out after this campaign. Safe to call twice for the same message.
 */
export async function handleCampaignReply(db: Db, { companyId, target, message, now }: { companyId: string; target: CampaignReplyTarget; message: MessageRow; now: Date }) {
  const customer = await findCustomer(db, { companyId, customerId: message.customerId });
  const language = customer?.language === "en" ? "en" : "fr";
  const optedOut = classifyOptOut(message.body, language).kind === "stop" || Boolean(customer?.optedOutAt && target.recipient.sentAt && customer.optedOutAt >= target.recipient.sentAt);
  await recordRecipientReply(db, { companyId, recipientId: target.recipient.id, messageId: message.id, at: message.createdAt, optedOut });
  if (target.campaign.repliesUserId) await routeConversation(db, { companyId, conversationId: message.conversationId, userId: target.campaign.repliesUserId, now, reason: "automation" });
  publish(companyId, { type: "campaign.updated", campaignId: target.campaign.id });
  return { status: "campaign" as const, recipientId: target.recipient.id, optedOut };
}
