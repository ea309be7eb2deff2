import "server-only";
import type { Db } from "@/db/client";
import { dispatch } from "@/lib/background/dispatch";
import { campaignRunRequested } from "@/lib/background/events";
import { runCampaign } from "./run";

/**
 * Sends a campaign now (confirmed, resumed) instead of at the next sweep: an Inngest
 * event with an engine, the same body in this process embedded.
 */
export async function requestCampaignRun(db: Db, { companyId, campaignId }: { companyId: string; campaignId: string }) {
  await dispatch(campaignRunRequested.create({ companyId, campaignId }), {
    lane: "campaign-runs",
    key: campaignId,
    run: () => runCampaign(db, { companyId, campaignId }),
  });
}
