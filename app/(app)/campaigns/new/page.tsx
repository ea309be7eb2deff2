import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { CampaignForm } from "../_components/campaign-form";
import { campaignFormContext } from "../_components/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.form"))("newTitle") };
}

export default async function NewCampaignPage() {
  const session = await requirePermission("manageCampaigns");
  const [t, context] = await Promise.all([getTranslations("campaigns"), campaignFormContext(session)]);
  return (
    <div className="pb-10">
      <BackLink href="/campaigns">{t("title")}</BackLink>
      <PageHeader title={t("form.newTitle")} description={t("form.newDescription")} />
      <div className="px-4 sm:px-6 lg:px-8">
        <CampaignForm
          {...context}
          timeZone={session.company.timezone}
          companyName={session.company.name}
          currency={session.company.currency}
          initial={{ name: "", messageBody: "", marketing: true, audience: { all: [] }, request: null, sendAt: null, repliesUserId: session.userId }}
        />
      </div>
    </div>
  );
}
