import { getDb } from "@/db/client";
import { campaignRunRequested } from "@/lib/background/events";
import { runCampaign } from "@/lib/campaigns/run";
import { inngest } from "../../client";

/**
 * Sends a campaign: asked for on confirm or resume, or fanned out by the run-campaigns
 * cron sweep while it is sending. One run per campaign at a time; a second worker would
 * still text no one twice (recipients are claimed, the message is the key).
 */
export const runRequestedCampaign = inngest.createFunction(
  {
    id: "run-requested-campaign",
    triggers: [campaignRunRequested],
    concurrency: { limit: 1, key: "event.data.campaignId" },
  },
  async ({ event, step }) => step.run("send", async () => runCampaign(await getDb(), { companyId: event.data.companyId, campaignId: event.data.campaignId })),
);
