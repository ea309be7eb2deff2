import type { Metadata } from "next";
import { CalendarClock, Megaphone, Plus } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listCampaigns } from "@/db/queries/campaigns";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { CampaignProgressBar } from "./_components/campaign-progress";
import { CampaignStatus } from "./_components/campaign-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("campaigns") };
}

/** The company's campaigns, newest first: status, progress and results at a glance. */
export default async function CampaignsPage() {
  const { db, companyId, role, permissions, company } = await requireSession();
  const [t, format] = await Promise.all([getTranslations("campaigns"), getFormatter()]);
  const { rows: campaigns } = await listCampaigns(db, { companyId });
  const manage = can({ role, permissions }, "manageCampaigns");
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: company.timezone });
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
            <ul className="divide-y divide-slate-100">
              {campaigns.map((campaign) => {
                const { progress } = campaign;
                const started = campaign.status !== "draft" && campaign.status !== "scheduled";
                return (
                  <li key={campaign.id} className="grid gap-x-4 gap-y-2 px-4 py-4 sm:px-5 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1.4fr)] lg:items-center" data-testid="campaign-row">
                    <div className="flex min-w-0 items-start gap-3">
                      <div className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
                        <Megaphone className="h-5 w-5" aria-hidden />
                      </div>
                      <div className="min-w-0">
                        <Link href={`/campaigns/${campaign.id}`} className="block truncate text-sm font-semibold text-slate-900 hover:text-brand-700 hover:underline">
                          {campaign.name}
                        </Link>
                        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-500">
                          <CampaignStatus status={campaign.status} />
                          {campaign.status === "scheduled" && campaign.sendAt ? (
                            <span className="inline-flex items-center gap-1">
                              <CalendarClock className="h-3.5 w-3.5" aria-hidden />
                              {when(campaign.sendAt)}
                            </span>
                          ) : campaign.startedAt ? (
                            <span>{t("list.startedAt", { when: when(campaign.startedAt) })}</span>
                          ) : (
                            <span>{t("list.createdAt", { when: when(campaign.createdAt) })}</span>
                          )}
                        </p>
                      </div>
                    </div>
                    {started ? <CampaignProgressBar progress={progress} /> : <p className="hidden text-sm text-slate-400 lg:block">—</p>}
                    {started ? (
                      <dl className="grid grid-cols-4 gap-2 text-center text-xs text-slate-500" data-testid="campaign-row-totals">
                        {(["sent", "delivered", "failed", "replied"] as const).map((key) => (
                          <div key={key}>
                            <dt>{t(`totals.${key}`)}</dt>
                            <dd className={`text-base font-semibold tabular-nums ${key === "failed" && progress.failed > 0 ? "text-red-700" : "text-slate-900"}`}>{progress[key].toLocaleString()}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
