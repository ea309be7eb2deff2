import "server-only";
import type { Db } from "@/db/client";
import { findCustomersByIds } from "@/db/queries/automation-runs";
import { countPlan, recipientPlanSelect, samplePlan, type CampaignRow } from "@/db/queries/campaigns";
import { findCompany } from "@/db/queries/companies";
import { withAudienceGroups } from "@/db/queries/groups";
import type { CampaignSkipReason } from "@/db/schema";
import { linkPreview } from "@/lib/automations/dry-run";
import { withRequestLink } from "@/lib/payments/payments";
import { countSegments } from "@/lib/messaging/segments";
import { renderSmsText } from "@/lib/messaging/send";
import { withFileLinks } from "@/lib/files/links";
import { campaignFileLinks } from "./files";
import type { CampaignDryRun } from "./types";

const SAMPLE = 5;

type Planned = Pick<CampaignRow, "companyId" | "audience" | "marketing">;

/** Who the rules match, with the groups they name loaded for the company (refused: another company's or a cycle). */
export function campaignAudience(db: Db, { companyId, rules, now, timeZone }: { companyId: string; rules: Planned["audience"]; now: Date; timeZone: string }) {
  return withAudienceGroups(db, { companyId, rules, subject: "customer" as const, now, timeZone });
}

/** The campaign's recipients as SQL (lib/campaigns plans and counts the same statement). */
export async function campaignPlan(db: Db, campaign: Planned, { now, timeZone }: { now: Date; timeZone: string }) {
  const audience = await campaignAudience(db, { companyId: campaign.companyId, rules: campaign.audience, now, timeZone });
  return recipientPlanSelect(audience, campaign.marketing ? "marketing" : "general");
}

/**
 * Before sending (issue 13): who matches, how many will receive it and why the others
 * are skipped (the same SQL the plan inserts), the segments a text takes and the SMS it
 * bills, and the first texts exactly as sent — the template filled in, the request's
 * link, the marketing footer, the files' links.
 */
export async function dryRunCampaign(db: Db, { campaign, now = new Date() }: { campaign: Pick<CampaignRow, "companyId" | "audience" | "marketing" | "messageBody" | "request" | "attachmentIds">; now?: Date }): Promise<CampaignDryRun> {
  const company = await findCompany(db, { companyId: campaign.companyId });
  if (!company) return { matching: 0, willReceive: 0, skipped: [], segmentsPerText: 0, billableSms: 0, sample: [] };
  const plan = await campaignPlan(db, campaign, { now, timeZone: company.timezone });
  const [counts, sampleIds, fileLinks] = await Promise.all([countPlan(db, plan), samplePlan(db, plan, SAMPLE), campaignFileLinks(db, { companyId: campaign.companyId, attachmentIds: campaign.attachmentIds })]);
  const customers = await findCustomersByIds(db, { companyId: campaign.companyId, customerIds: sampleIds });
  const link = linkPreview(campaign.request?.kind);
  const body = link ? withRequestLink(campaign.messageBody, link) : campaign.messageBody;
  const sample: CampaignDryRun["sample"] = [];
  for (const customerId of sampleIds) {
    const customer = customers.get(customerId);
    if (!customer) continue;
    const rendered = await renderSmsText(db, { company, customer, body, optOutFooter: campaign.marketing });
    sample.push({ customerId, name: `${customer.firstName} ${customer.lastName}`.trim(), text: rendered.ok ? withFileLinks(rendered.text, fileLinks) : "" });
  }
  const willReceive = counts.find((row) => row.skipReason === null)?.count ?? 0;
  const segmentsPerText = Math.max(0, ...sample.map((row) => (row.text ? countSegments(row.text).segments : 0)));
  return {
    matching: counts.reduce((sum, row) => sum + row.count, 0),
    willReceive,
    skipped: counts
      .flatMap((row) => (row.skipReason ? [{ reason: row.skipReason as CampaignSkipReason, count: row.count }] : []))
      .sort((a, b) => b.count - a.count),
    segmentsPerText,
    billableSms: willReceive * segmentsPerText,
    sample,
  };
}
