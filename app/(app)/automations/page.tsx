import type { Metadata } from "next";
import { Bot } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listAutomations } from "@/db/queries/automations";
import { requireSession } from "@/lib/auth/session";
import { AutomationStatus } from "./_components/automation-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("automations") };
}

export default async function AutomationsPage() {
  const { db, companyId } = await requireSession();
  const t = await getTranslations("automations");
  const automations = await listAutomations(db, { companyId });
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} />
      <div className="px-4 sm:px-6 lg:px-8">
        <Card className="overflow-hidden">
          {automations.length === 0 ? (
            <EmptyState icon={<Bot className="h-6 w-6" />} title={t("emptyTitle")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {automations.map((automation) => (
                <li key={automation.id} id={`automation-${automation.id}`} className="flex flex-wrap items-center gap-3 px-4 py-4 target:bg-brand-50 sm:px-5">
                  <div className="flex h-9 w-9 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
                    <Bot className="h-5 w-5" aria-hidden />
                  </div>
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-semibold text-slate-900">{automation.name}</p>
                    <p className="text-sm text-slate-500">
                      {t(`type.${automation.type}`)} · {automation.schedule === "daily" ? t("dailyAt", { time: automation.dailyAt }) : t("realtime")}
                    </p>
                  </div>
                  <AutomationStatus status={automation.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
