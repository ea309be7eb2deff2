import type { Metadata } from "next";
import { Megaphone, Plus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listCampaigns } from "@/db/queries/campaigns";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { toCampaignListRow } from "@/lib/campaigns/list-view";
import { CAMPAIGN_PAGE } from "@/lib/campaigns/pages";
import { CampaignList } from "./_components/campaign-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("campaigns") };
}

/** The company's campaigns, newest first: status, progress and results at a glance; older ones by "Load more". */
export default async function CampaignsPage() {
  const { db, companyId, role, permissions, company } = await requireSession();
  const t = await getTranslations("campaigns");
  const { rows: campaigns, nextCursor } = await listCampaigns(db, { companyId, limit: CAMPAIGN_PAGE });
  const manage = can({ role, permissions }, "manageCampaigns");
  return (
    <div className="pb-10">
      <PageHeader
        title={t("title")}
        description={t("list.description")}
        actions={
          manage ? (
            <Button asChild>
              <Link href="/campaigns/new" data-testid="new-campaign">
                <Plus className="h-4 w-4" aria-hidden />
                {t("list.new")}
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="px-4 sm:px-6 lg:px-8">
        <Card className="overflow-hidden">
          {campaigns.length === 0 ? (
            <EmptyState
              icon={<Megaphone className="h-6 w-6" />}
              title={t("list.emptyTitle")}
              description={t("list.emptyDescription")}
              action={
                manage ? (
                  <Button asChild>
                    <Link href="/campaigns/new">{t("list.new")}</Link>
                  </Button>
                ) : null
              }
            />
          ) : (
            <CampaignList initial={campaigns.map(toCampaignListRow)} nextCursor={nextCursor} timeZone={company.timezone} />
          )}
        </Card>
      </div>
    </div>
  );
}
