import type { Metadata } from "next";
import { Pencil } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { listResultNotes } from "@/db/queries/automation-result-links";
import { automationTotals, listAutomationResults } from "@/db/queries/automation-results";
import { findAutomation } from "@/db/queries/automations";
import { listCompanyUsers, listTeams } from "@/db/queries/users";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { findTemplate } from "@/lib/automations/library";
import { RESULT_STATUSES } from "@/lib/automations/results-validation";
import { toResultNoteRow, toResultRow } from "@/lib/automations/results-view";
import { ResultsTable } from "./_components/results-table";
import { ResultsTotals } from "./_components/results-totals";

const PAGE = 25;
const paramsSchema = z.object({ id: z.uuid() });

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = paramsSchema.safeParse(await params);
  const t = await getTranslations("automations.results");
  if (!parsed.success) return { title: t("title") };
  const { db, companyId } = await requireSession();
  const automation = await findAutomation(db, { companyId, automationId: parsed.data.id });
  return { title: automation?.name ?? t("title") };
}

/**
 * An automation's results (AUTO results, CONV-10): totals, then each customer contacted
 * with the status (sent / skipped and why / failed with the carrier's error), the reply,
 * its sentiment and score, the appointment status it led to, notes with @mentions; live.
 */
export default async function AutomationResultsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string; result?: string; created?: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { db, companyId, userId, role, permissions, user } = await requireSession();
  const automation = await findAutomation(db, { companyId, automationId: parsed.data.id });
  if (!automation) notFound();
  const t = await getTranslations("automations");
  const query = await searchParams;
  const status = RESULT_STATUSES.find((s) => s === query.status) ?? null;
  const highlight = z.uuid().safeParse(query.result).success ? query.result! : null;

  const [totals, page, users, teams] = await Promise.all([
    automationTotals(db, { companyId, automationId: automation.id }),
    listAutomationResults(db, { companyId, automationId: automation.id, status, limit: PAGE }),
    listCompanyUsers(db, { companyId }),
    listTeams(db, { companyId }),
  ]);
  // A link to one result (notification, thread) shows it even when it is not on the first page.
  const linked = highlight && !page.rows.some((row) => row.id === highlight) ? (await listAutomationResults(db, { companyId, automationId: automation.id, resultId: highlight, limit: 1 })).rows : [];
  const rows = [...linked, ...page.rows];
  const notes = await listResultNotes(db, { companyId, resultIds: rows.map((row) => row.id) });
  const template = automation.templateKey ? findTemplate(automation.templateKey) : undefined;
  const schedule = automation.schedule === "daily" ? t("dailyAt", { time: automation.dailyAt }) : t("realtime");

  return (
    <div className="pb-10">
      <BackLink href="/automations">{t("results.back")}</BackLink>
      <PageHeader
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            {automation.name}
            <Badge tone={automation.status === "active" ? "green" : automation.status === "paused" ? "yellow" : "neutral"} data-testid="automation-status">
              {t(`results.status.${automation.status}`)}
            </Badge>
          </span>
        }
        description={`${t(`type.${automation.type}`)} · ${schedule}${template ? ` · ${t("results.fromTemplate")}` : ""}`}
        actions={
          can({ role, permissions }, "manageAutomations") && automation.status !== "archived" ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/automations/${automation.id}/edit`}>
                <Pencil className="h-4 w-4" aria-hidden />
                {t("results.edit")}
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="space-y-5 px-4 sm:px-6 lg:px-8">
        {query.created && automation.status === "active" ? (
          <Alert tone="success">{t("results.created", { when: automation.schedule === "daily" ? t("results.createdDaily", { time: automation.dailyAt }) : t("results.createdRealtime", { minutes: automation.realtimeEveryMinutes }) })}</Alert>
        ) : null}
        <ResultsTotals totals={totals} isReminder={automation.type === "appointment_reminder"} scale={automation.sentimentScale} sentimentEnabled={automation.sentimentEnabled} />
        <ResultsTable
          key={`${status ?? "all"}`}
          automationId={automation.id}
          status={status}
          counts={{ all: totals.total, pending: totals.pending, sent: totals.sent, skipped: totals.skipped, failed: totals.failed }}
          initialRows={rows.map(toResultRow)}
          initialNotes={notes.map(toResultNoteRow)}
          initialCursor={page.nextCursor}
          highlight={highlight}
          scale={automation.sentimentScale}
          keywordLabels={Object.fromEntries(automation.keywordResponses.map((response) => [response.id, response.keywords[0] ?? response.id]))}
          viewerName={user.name}
          mentionables={[
            ...users.filter((u) => u.id !== userId).map((u) => ({ id: `user:${u.id}`, label: u.name, kind: "user" as const })),
            ...teams.map((team) => ({ id: `team:${team.id}`, label: team.name, kind: "team" as const })),
          ]}
        />
      </div>
    </div>
  );
}
