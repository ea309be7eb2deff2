import type { CampaignSkipReason } from "@/db/schema";

export type CampaignDryRun = {
  matching: number;
  willReceive: number;
  skipped: { reason: CampaignSkipReason; count: number }[];
  /** The most segments one text of the sample takes. */
  segmentsPerText: number;
  billableSms: number;
  /** The first texts, exactly as each customer receives them (footer included). */
  sample: { customerId: string; name: string; text: string }[];
};
