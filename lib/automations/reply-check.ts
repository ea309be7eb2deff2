import "server-only";
import type { Db } from "@/db/client";
import { dispatch } from "@/lib/background/dispatch";
import { automationReplyCheck } from "@/lib/background/events";
import type { SendDependencies } from "@/lib/messaging/send";
import { handleInboundReply } from "./replies";

/**
 * Called by the inbound pipeline once a message is stored (after its transaction): with
 * Inngest, an event; embedded, the same body in this process. The reply sweep catches
 * any whose handling was lost.
 */
export async function checkAutomationReply(db: Db, { companyId, messageId }: { companyId: string; messageId: string }, dependencies: SendDependencies = {}) {
  await dispatch(automationReplyCheck.create({ companyId, messageId }), {
    lane: "automation-replies",
    key: messageId,
    run: () => handleInboundReply(db, { companyId, messageId }, dependencies),
  });
}
