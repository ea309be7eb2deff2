import { CAMPAIGN_RECIPIENT_FILTERS } from "@/lib/campaigns/validation";
import type { AudienceRules } from "@/lib/automations/types";
import type { CampaignRequest } from "@/db/schema";

/** What the campaign form edits; `sendAt` is the company's local "YYYY-MM-DDTHH:mm", null for "as soon as confirmed". */
export type CampaignFormValues = {
  name: string;
  messageBody: string;
  marketing: boolean;
  audience: AudienceRules;
  request: CampaignRequest | null;
  sendAt: string | null;
  repliesUserId: string | null;
};

export type CampaignGroup = { id: string; name: string; kind: "dynamic" | "static"; memberCount: number };

/** The recipients list's filters (a server page reads them too, so they live outside the client component). */
export const RECIPIENT_FILTERS = ["all", ...CAMPAIGN_RECIPIENT_FILTERS] as const;
export type RecipientFilter = (typeof RECIPIENT_FILTERS)[number];
