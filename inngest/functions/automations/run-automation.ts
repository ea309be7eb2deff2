import { getDb } from "@/db/client";
import { runAutomation } from "@/lib/automations/run";
import { automationRunRequested } from "@/lib/background/events";
import { inngest } from "../../client";

/**
 * Runs an automation: asked for now (force), or fanned out by the run-due-automations
 * cron sweep (not forced: the run's claim checks it is still due). One at a time each.
 */
export const runRequestedAutomation = inngest.createFunction(
  {
    id: "run-requested-automation",
    triggers: [automationRunRequested],
    concurrency: { limit: 1, key: "event.data.automationId" },
  },
  async ({ event, step }) =>
    step.run("run", async () => runAutomation(await getDb(), { companyId: event.data.companyId, automationId: event.data.automationId, force: event.data.force ?? true })),
);
