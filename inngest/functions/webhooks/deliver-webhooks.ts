import { getDb } from "@/db/client";
import { webhookDeliveriesDue } from "@/lib/background/events";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";
import { inngest } from "../../client";

/** Sends due webhook deliveries; the sweep brings retries back when their time comes. */
export const deliverWebhooks = inngest.createFunction(
  { id: "deliver-webhooks", triggers: [webhookDeliveriesDue], concurrency: { limit: 2 } },
  async ({ step }) => step.run("deliver-due-webhooks", async () => deliverDueWebhooks(await getDb())),
);
