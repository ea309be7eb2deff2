import "server-only";
import type { Db } from "@/db/client";
import { customersTextedSince } from "@/db/queries/automation-runs";
import { dispatch } from "@/lib/background/dispatch";
import { automationReplyCheck } from "@/lib/background/events";
import type { SendDependencies } from "@/lib/messaging/send";
import { CAMPAIGN_REPLY_WINDOW_DAYS } from "@/lib/campaigns/replies";
import { handleInboundReply } from "./replies";
import { MAX_REPLY_WINDOW_DAYS } from "./validation";

export type StoredInboundReply = { companyId: string; messageId: string; customerId: string; at: Date };

/** A day beyond the longest window, so a message stored a little before `at` is still covered. */
const LOOKBACK_DAYS = Math.max(MAX_REPLY_WINDOW_DAYS, CAMPAIGN_REPLY_WINDOW_DAYS) + 1;

/**
 * Called by the inbound pipeline once messages are stored (after their transaction): for
 * each that may answer an automation or a campaign text — its customer was texted by one
 * within the longest reply window, one statement for the whole group — with Inngest, an
 * event; embedded, the full check in this process. The reply sweep catches any whose
 * handling was lost.
 */
export async function checkAutomationReplies(db: Db, messages: StoredInboundReply[], dependencies: SendDependencies = {}) {
  if (!messages.length) return;
  const earliest = Math.min(...messages.map((message) => message.at.getTime()));
  const texted = await customersTextedSince(db, { customers: messages, since: new Date(earliest - LOOKBACK_DAYS * 86_400_000) }).catch((error: unknown) => {
    // The messages are stored: the reply sweep attributes what this check could not.
    console.error("[automations] reply check failed; the sweep catches up", error);
    return new Set<string>();
  });
  for (const { companyId, messageId, customerId } of messages) {
    if (!texted.has(customerId)) continue;
    await dispatch(automationReplyCheck.create({ companyId, messageId }), {
      lane: "automation-replies",
      key: messageId,
      run: () => handleInboundReply(db, { companyId, messageId }, dependencies),
    });
  }
}
