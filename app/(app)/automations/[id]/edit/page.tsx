import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { findAutomation } from "@/db/queries/automations";
import { requirePermission } from "@/lib/auth/session";
import type { AutomationDefinition } from "@/lib/automations/types";
import { AutomationStatus } from "../../_components/automation-status";
import { AutomationWizard } from "../../_components/wizard/automation-wizard";
import { wizardContext } from "../../_components/wizard/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("automations.wizard"))("editTitle") };
}

export default async function EditAutomationPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("manageAutomations");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const automation = await findAutomation(session.db, { companyId: session.companyId, automationId: id });
  if (!automation || automation.status === "archived") notFound();
  const [t, context] = await Promise.all([getTranslations("automations.wizard"), wizardContext({ ...session, timeZone: session.company.timezone })]);
  const initial: AutomationDefinition = {
    name: automation.name,
    type: automation.type,
    rules: automation.rules,
    messageBody: automation.messageBody,
    marketing: automation.marketing,
    keywordResponses: automation.keywordResponses,
    fallbackUserId: automation.fallbackUserId,
    fallbackReply: automation.fallbackReply,
    sentimentEnabled: automation.sentimentEnabled,
    sentimentScale: automation.sentimentScale,
    negativeNotifyUserIds: automation.negativeNotifyUserIds,
    schedule: automation.schedule,
    dailyAt: automation.dailyAt,
    realtimeEveryMinutes: automation.realtimeEveryMinutes,
    triggerScope: automation.triggerScope,
    repeatAfterDays: automation.repeatAfterDays,
    settings: automation.settings,
    aiReplies: automation.aiReplies,
    replyWindowDays: automation.replyWindowDays,
  };
  return (
    <div className="pb-10">
      <BackLink href={`/automations/${automation.id}`}>{automation.name}</BackLink>
      <PageHeader title={t("editTitle")} description={automation.name} actions={<AutomationStatus status={automation.status} />} />
      <div className="px-4 sm:px-6 lg:px-8">
        <AutomationWizard {...context} automationId={automation.id} status={automation.status} initial={initial} />
      </div>
    </div>
  );
}
