import type { Metadata } from "next";
import { AlertTriangle, CalendarClock, CheckCheck, MessageCircleReply, Send, UserX } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FileChips } from "@/components/composer/file-attachments";
import { AutoRefresh } from "@/components/public/auto-refresh";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { StatTile } from "@/components/ui/stat-tile";
import { campaignProgress, findCampaign } from "@/db/queries/campaigns";
import { listAttachmentsByIds } from "@/db/queries/files";
import { listCompanyUsers, listTeams } from "@/db/queries/users";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { RECIPIENT_PAGE } from "@/lib/campaigns/pages";
import { campaignRecipientsPage } from "@/lib/campaigns/recipients";
import { uploadedFile } from "@/lib/files/files";
import { CampaignProgressBar } from "../_components/campaign-progress";
import { CampaignStatus } from "../_components/campaign-status";
import { CampaignControls } from "./_components/campaign-controls";
import { DryRunPanel } from "./_components/dry-run-panel";
import { RECIPIENT_FILTERS, type RecipientFilter } from "../_components/types";
import { RecipientsList } from "./_components/recipients-list";

const paramsSchema = z.object({ id: z.uuid() });

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = paramsSchema.safeParse(await params);
  const t = await getTranslations("campaigns");
  if (!parsed.success) return { title: t("title") };
  const { db, companyId } = await requireSession();
  const campaign = await findCampaign(db, { companyId, campaignId: parsed.data.id });
  return { title: campaign?.name ?? t("title") };
}

/**
 * One campaign (IMPL-1): a draft shows its dry run and the confirmation; once sending, the
 * live progress (refreshed every 2 s) with pause / resume / cancel; after, the totals and
 * every recipient with the reply, the opt-outs and notes.
 */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string; recipient?: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { db, companyId, userId, role, permissions, user, company } = await requireSession();
  const campaign = await findCampaign(db, { companyId, campaignId: parsed.data.id });
  if (!campaign) notFound();
  const [t, format, query] = await Promise.all([getTranslations("campaigns"), getFormatter(), searchParams]);
  const filter: RecipientFilter = RECIPIENT_FILTERS.find((candidate) => candidate === query.status) ?? "all";
  const highlight = z.uuid().safeParse(query.recipient).success ? query.recipient! : null;
  const manage = can({ role, permissions }, "manageCampaigns");
  const when = (date: Date) => format.dateTime(date, { dateStyle: "full", timeStyle: "short", timeZone: company.timezone });
  const planned = campaign.status !== "draft" && campaign.status !== "scheduled";

  const status = filter === "all" ? null : filter;
  const [progress, page, users, teams, files] = await Promise.all([
    campaignProgress(db, { companyId, campaignId: campaign.id }),
    planned ? campaignRecipientsPage(db, { companyId, campaignId: campaign.id, status, cursor: null, limit: RECIPIENT_PAGE }) : null,
    listCompanyUsers(db, { companyId }),
    listTeams(db, { companyId }),
    listAttachmentsByIds(db, { companyId, attachmentIds: campaign.attachmentIds }),
  ]);
  // A link to one recipient (a notification, a conversation) shows it even when it is not on the first page.
  const linked =
    page && highlight && !page.rows.some((row) => row.id === highlight) ? await campaignRecipientsPage(db, { companyId, campaignId: campaign.id, status: null, cursor: null, recipientId: highlight, limit: 1 }) : null;
  const repliesUser = users.find((candidate) => candidate.id === campaign.repliesUserId);
  const counts: Record<RecipientFilter, number> = {
    all: progress.total,
    sent: progress.sent,
    delivered: progress.delivered,
    failed: progress.failed,
    replied: progress.replied,
    opted_out: progress.optedOut,
    skipped: progress.skipped,
  };

  return (
    <div className="pb-10">
      {campaign.status === "sending" ? <AutoRefresh seconds={2} /> : null}
      <BackLink href="/campaigns">{t("title")}</BackLink>
      <PageHeader
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            {campaign.name}
            <CampaignStatus status={campaign.status} />
          </span>
        }
        description={campaign.sendAt && !planned ? t("detail.scheduledFor", { when: when(campaign.sendAt) }) : campaign.startedAt ? t("detail.startedAt", { when: when(campaign.startedAt) }) : t("detail.draft")}
        actions={manage ? <CampaignControls campaign={{ id: campaign.id, name: campaign.name, status: campaign.status }} /> : null}
      />
      <div className="space-y-5 px-4 sm:px-6 lg:px-8">
        {campaign.status === "scheduled" && campaign.sendAt ? (
          <Alert tone="info">
            <span className="inline-flex items-center gap-1.5">
              <CalendarClock className="h-4 w-4" aria-hidden />
              {t("detail.scheduledAlert", { when: when(campaign.sendAt), count: campaign.confirmedCount ?? 0 })}
            </span>
          </Alert>
        ) : null}
        {campaign.status === "paused" ? <Alert tone="warning">{t("detail.pausedAlert")}</Alert> : null}
        {campaign.status === "cancelled" ? <Alert tone="warning">{t("detail.cancelledAlert")}</Alert> : null}

        {campaign.status === "draft" && manage ? <DryRunPanel campaignId={campaign.id} scheduledFor={campaign.sendAt ? when(campaign.sendAt) : null} /> : null}

        {planned ? (
          <>
            <Card className="px-4 py-4 sm:px-5">
              <CampaignProgressBar progress={progress} />
            </Card>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="campaign-totals">
              <StatTile icon={<Send className="h-4 w-4" aria-hidden />} label={t("totals.sent")} value={progress.sent.toLocaleString()} hint={t("totals.sentHint", { pending: progress.pending, skipped: progress.skipped })} testId="campaign-total-sent" />
              <StatTile icon={<CheckCheck className="h-4 w-4" aria-hidden />} label={t("totals.delivered")} value={progress.delivered.toLocaleString()} testId="campaign-total-delivered" />
              <StatTile icon={<AlertTriangle className="h-4 w-4" aria-hidden />} label={t("totals.failed")} value={progress.failed.toLocaleString()} hint={t("totals.failedHint")} testId="campaign-total-failed" tone={progress.failed > 0 ? "warn" : undefined} />
              <StatTile icon={<MessageCircleReply className="h-4 w-4" aria-hidden />} label={t("totals.replied")} value={progress.replied.toLocaleString()} testId="campaign-total-replied" />
              <StatTile icon={<UserX className="h-4 w-4" aria-hidden />} label={t("totals.optedOut")} value={progress.optedOut.toLocaleString()} hint={t("totals.optedOutHint")} testId="campaign-total-opted-out" tone={progress.optedOut > 0 ? "warn" : undefined} />
            </ul>
          </>
        ) : null}

        <Card className="px-4 py-4 sm:px-5" data-testid="campaign-summary">
          <h2 className="text-sm font-semibold text-slate-900">{t("detail.message")}</h2>
          <p className="mt-2 max-w-prose rounded-2xl rounded-bl-sm bg-slate-100 px-3.5 py-2.5 text-sm whitespace-pre-wrap text-slate-800">{campaign.messageBody || "—"}</p>
          {files.length ? <FileChips files={files.map(uploadedFile)} className="mt-2" /> : null}
          <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-xs text-slate-500">{t("detail.kind")}</dt>
              <dd className="text-slate-800">{campaign.marketing ? t("detail.marketing") : t("detail.transactional")}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("detail.request")}</dt>
              <dd className="text-slate-800">{t(`form.requests.${campaign.request?.kind ?? "none"}`)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("detail.repliesUser")}</dt>
              <dd className="text-slate-800">{repliesUser?.name ?? t("form.repliesNobody")}</dd>
            </div>
          </dl>
        </Card>

        {page ? (
          <RecipientsList
            key={filter}
            campaignId={campaign.id}
            filter={filter}
            counts={counts}
            rows={[...(linked?.rows ?? []), ...page.rows]}
            initialNotes={[...(linked?.notes ?? []), ...page.notes]}
            nextCursor={page.nextCursor}
            highlight={highlight}
            viewerName={user.name}
            mentionables={[
              ...users.filter((candidate) => candidate.id !== userId).map((candidate) => ({ id: `user:${candidate.id}`, label: candidate.name, kind: "user" as const })),
              ...teams.map((team) => ({ id: `team:${team.id}`, label: team.name, kind: "team" as const })),
            ]}
          />
        ) : null}
      </div>
    </div>
  );
}
