import { getDb } from "@/db/client";
import { handleInboundReply } from "@/lib/automations/replies";
import { automationReplyCheck } from "@/lib/background/events";
import { inngest } from "../../client";

/**
 * An inbound message was stored: keyword answer, appointment status, emotion and AI
 * classification when it answers an automation. Idempotent (the reply is claimed on its
 * result); the handle-automation-replies sweep catches a lost event.
 */
export const handleAutomationReply = inngest.createFunction(
  { id: "handle-automation-reply", triggers: [automationReplyCheck], concurrency: { limit: 4 } },
  async ({ event, step }) =>
    step.run("handle-reply", async () => handleInboundReply(await getDb(), { companyId: event.data.companyId, messageId: event.data.messageId })),
);
