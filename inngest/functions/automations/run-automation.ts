import { getDb } from "@/db/client";
import { runAutomation } from "@/lib/automations/run";
import { automationRunRequested } from "@/lib/background/events";
import { inngest } from "../../client";

/**
 * Runs an automation now (just activated, or asked for): the same body as the
 * run-due-automations cron sweep, one run at a time per automation.
 */
export const runRequestedAutomation = inngest.createFunction(
  {
    id: "run-requested-automation",
    triggers: [automationRunRequested],
    concurrency: { limit: 1, key: "event.data.automationId" },
  },
  async ({ event, step }) =>
    step.run("run", async () => runAutomation(await getDb(), { companyId: event.data.companyId, automationId: event.data.automationId, force: true })),
);
