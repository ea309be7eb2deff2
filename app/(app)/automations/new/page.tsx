import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { AUTOMATION_TYPES, emptyDefinition } from "@/lib/automations/validation";
import { AutomationWizard } from "../_components/wizard/automation-wizard";
import { wizardContext } from "../_components/wizard/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("automations.wizard"))("newTitle") };
}

export default async function NewAutomationPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const session = await requirePermission("manageAutomations");
  const [t, tList, { type }] = await Promise.all([getTranslations("automations.wizard"), getTranslations("automations"), searchParams]);
  const initialType = AUTOMATION_TYPES.find((candidate) => candidate === type) ?? "general";
  const context = await wizardContext({ ...session, timeZone: session.company.timezone });
  return (
    <div className="pb-10">
      <BackLink href="/automations">{tList("title")}</BackLink>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <div className="px-4 sm:px-6 lg:px-8">
        <AutomationWizard {...context} initial={{ ...emptyDefinition(initialType), fallbackUserId: session.userId }} />
      </div>
    </div>
  );
}
