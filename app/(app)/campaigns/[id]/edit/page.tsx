import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { findCampaign } from "@/db/queries/campaigns";
import { requirePermission } from "@/lib/auth/session";
import { utcToZonedLocal } from "@/lib/time";
import { CampaignForm } from "../../_components/campaign-form";
import { CampaignStatus } from "../../_components/campaign-status";
import { campaignFormContext } from "../../_components/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.form"))("editTitle") };
}

/** A draft or a scheduled campaign is edited; saving a scheduled one puts it back to draft (to be confirmed again). */
export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("manageCampaigns");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const campaign = await findCampaign(session.db, { companyId: session.companyId, campaignId: id });
  if (!campaign) notFound();
  if (campaign.status !== "draft" && campaign.status !== "scheduled") redirect(`/campaigns/${campaign.id}`);
  const [t, context] = await Promise.all([getTranslations("campaigns.form"), campaignFormContext(session, campaign.attachmentIds)]);
  const timeZone = session.company.timezone;
  return (
    <div className="pb-10">
      <BackLink href={`/campaigns/${campaign.id}`}>{campaign.name}</BackLink>
      <PageHeader title={t("editTitle")} description={campaign.name} actions={<CampaignStatus status={campaign.status} />} />
      <div className="space-y-4 px-4 sm:px-6 lg:px-8">
        {campaign.status === "scheduled" ? <Alert tone="warning">{t("editScheduled")}</Alert> : null}
        <CampaignForm
          {...context}
          campaignId={campaign.id}
          timeZone={timeZone}
          companyName={session.company.name}
          currency={session.company.currency}
          initial={{
            name: campaign.name,
            messageBody: campaign.messageBody,
            marketing: campaign.marketing,
            audience: campaign.audience,
            request: campaign.request ?? null,
            sendAt: campaign.sendAt ? utcToZonedLocal(campaign.sendAt, timeZone) : null,
            repliesUserId: campaign.repliesUserId,
          }}
        />
      </div>
    </div>
  );
}
