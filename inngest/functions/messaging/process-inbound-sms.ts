import { getDb } from "@/db/client";
import { processPendingInbound } from "@/lib/messaging/inbound/queue";
import { inngest } from "../../client";
import { inboundSmsReceived } from "@/lib/background/events";

/** Turns stored inbound SMS into conversation messages; a burst is drained by a few runs. */
export const processInboundSms = inngest.createFunction(
  { id: "process-inbound-sms", triggers: [inboundSmsReceived], concurrency: { limit: 4 } },
  async ({ step }) => step.run("process-pending-inbound", async () => processPendingInbound(await getDb())),
);
