import { getDb } from "@/db/client";
import { pushDeliveriesDue } from "@/lib/background/events";
import { deliverPendingPushes } from "@/lib/push/deliver";
import { inngest } from "../../client";

/** Pushes a company's new notifications to its staff's devices; the sweep brings retries back. */
export const deliverPushes = inngest.createFunction(
  { id: "deliver-pushes", triggers: [pushDeliveriesDue], concurrency: { limit: 1, key: "event.data.companyId" } },
  async ({ event, step }) => step.run("deliver-pending-pushes", async () => deliverPendingPushes(await getDb(), { companyId: event.data.companyId })),
);
