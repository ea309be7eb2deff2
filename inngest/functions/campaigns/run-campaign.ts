import { getDb } from "@/db/client";
import { campaignRunRequested } from "@/lib/background/events";
import { runCampaign } from "@/lib/campaigns/run";
import { inngest } from "../../client";

const MAX_STEPS = 500;

/**
 * Sends a campaign: asked for on confirm or resume, or fanned out by the run-campaigns
 * cron sweep while it is sending. One run per campaign at a time, in steps of about 20 s
 * each (a step is a serverless request: ten thousand texts at the throttle's pace are
 * many minutes); a retried step or a second worker still texts no one twice (recipients
 * are claimed, the message is the key). What MAX_STEPS leaves, the next sweep's event takes.
 */
export const runRequestedCampaign = inngest.createFunction(
  {
    id: "run-requested-campaign",
    triggers: [campaignRunRequested],
    concurrency: { limit: 1, key: "event.data.campaignId" },
  },
  async ({ event, step }) => {
    for (let index = 0; index < MAX_STEPS; index++) {
      const outcome = await step.run(`send-${index}`, async () => runCampaign(await getDb(), { companyId: event.data.companyId, campaignId: event.data.campaignId }, { budgetMs: 20_000 }));
      if (outcome.status !== "ran" || !outcome.more) return { outcome, steps: index + 1 };
    }
    return { outcome: null, steps: MAX_STEPS };
  },
);
