"use client";

import { CalendarClock, Megaphone } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { LoadMoreButton, useLoadMore } from "@/components/ui/load-more";
import { RowHeading } from "@/components/ui/row-heading";
import { loadCampaigns } from "@/lib/campaigns/actions";
import type { CampaignListRow, KeysetCursor } from "@/lib/campaigns/list-view";
import { CampaignProgressBar } from "./campaign-progress";
import { CampaignStatus } from "./campaign-status";

const loadAfter = (cursor: KeysetCursor) => loadCampaigns({ cursor });

/** The campaigns, newest first, with status, progress and results; older ones by "Load more" (keyset). */
export function CampaignList({ initial, nextCursor, timeZone }: { initial: CampaignListRow[]; nextCursor: KeysetCursor | null; timeZone: string }) {
  const pager = useLoadMore(nextCursor, loadAfter);
  return (
    <>
      <ul className="divide-y divide-slate-100" data-testid="campaign-list">
        {pager.rowsAfter(initial).map((campaign) => (
          <CampaignItem key={campaign.id} campaign={campaign} timeZone={timeZone} />
        ))}
      </ul>
      <div className="border-t border-slate-100 py-3 empty:hidden">
        <LoadMoreButton pager={pager} testId="load-more-campaigns" />
      </div>
    </>
  );
}

function CampaignItem({ campaign, timeZone }: { campaign: CampaignListRow; timeZone: string }) {
  const t = useTranslations("campaigns");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const { progress } = campaign;
  const started = campaign.status !== "draft" && campaign.status !== "scheduled";
  return (
    <li className="grid gap-x-4 gap-y-2 px-4 py-4 sm:px-5 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1.4fr)] lg:items-center" data-testid="campaign-row">
      <RowHeading icon={<Megaphone className="h-5 w-5" aria-hidden />} href={`/campaigns/${campaign.id}`} title={campaign.name}>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
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
      </RowHeading>
      {started ? <CampaignProgressBar progress={progress} /> : <p className="hidden text-sm text-slate-400 lg:block">—</p>}
      {started ? (
        <dl className="grid grid-cols-4 gap-2 text-center text-xs text-slate-500" data-testid="campaign-row-totals">
          {(["sent", "delivered", "failed", "replied"] as const).map((key) => (
            <div key={key}>
              <dt className="truncate">{t(`totals.${key}`)}</dt>
              <dd className={`text-base font-semibold tabular-nums ${key === "failed" && progress.failed > 0 ? "text-red-700" : "text-slate-900"}`}>{progress[key].toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
