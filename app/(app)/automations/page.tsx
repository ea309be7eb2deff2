import type { Metadata } from "next";
import { Bot, CalendarCheck, CreditCard, Library, Plus, Star } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RowHeading } from "@/components/ui/row-heading";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listAutomations } from "@/db/queries/automations";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { AutomationActions } from "./_components/automation-actions";
import { AutomationStatus } from "./_components/automation-status";

const ICONS = { general: Bot, appointment_reminder: CalendarCheck, payment_request: CreditCard, review_request: Star } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("automations") };
}

export default async function AutomationsPage() {
  const { db, companyId, role, permissions } = await requireSession();
  const [t, tList] = await Promise.all([getTranslations("automations"), getTranslations("automations.list")]);
  const automations = await listAutomations(db, { companyId });
  const manage = can({ role, permissions }, "manageAutomations");
  const scheduleText = (automation: (typeof automations)[number]) =>
    automation.schedule === "daily" ? t("dailyAt", { time: automation.dailyAt }) : tList("everyMinutes", { minutes: automation.realtimeEveryMinutes });
  return (
    <div className="pb-10">
      <PageHeader
        title={t("title")}
        description={tList("description")}
        actions={
          manage ? (
            <>
              <Button variant="secondary" asChild>
                <Link href="/automations/library" data-testid="automations-library" aria-label={tList("library")} title={tList("library")}>
                  <Library className="h-4 w-4" aria-hidden />
                  <span className="hidden sm:inline">{tList("library")}</span>
                </Link>
              </Button>
              <Button asChild>
                <Link href="/automations/new" data-testid="new-automation">
                  <Plus className="h-4 w-4" aria-hidden />
                  {tList("new")}
                </Link>
              </Button>
            </>
          ) : null
        }
      />
      <div className="px-4 sm:px-6 lg:px-8">
        <Card className="overflow-hidden">
          {automations.length === 0 ? (
            <EmptyState
              icon={<Bot className="h-6 w-6" />}
              title={t("emptyTitle")}
              description={tList("emptyDescription")}
              action={
                manage ? (
                  <Button asChild>
                    <Link href="/automations/library">{tList("startFromLibrary")}</Link>
                  </Button>
                ) : null
              }
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {automations.map((automation) => {
                const Icon = ICONS[automation.type] ?? Bot;
                return (
                  <li key={automation.id} id={`automation-${automation.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-4 target:bg-brand-50 sm:px-5" data-testid="automation-row">
                    <RowHeading icon={<Icon className="h-5 w-5" aria-hidden />} href={`/automations/${automation.id}`} title={automation.name} className="flex-1">
                      <p>
                        {t(`type.${automation.type}`)} · {scheduleText(automation)}
                      </p>
                    </RowHeading>
                    <AutomationStatus status={automation.status} />
                    {manage ? (
                      <div className="flex w-full justify-end sm:w-auto">
                        <AutomationActions automation={{ id: automation.id, name: automation.name, status: automation.status }} schedule={scheduleText(automation)} />
                      </div>
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
