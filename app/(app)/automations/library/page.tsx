import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { listCompanyUsers } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/session";
import { LIBRARY } from "@/lib/automations/library";
import { loadAudienceCatalogue } from "@/lib/automations/rules/load";
import type { Locale } from "@/lib/i18n/locales";
import { pickerAttributes } from "@/lib/templates/picker";
import { LibraryFlow } from "./_components/library-flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("automations.library"))("title") };
}

/**
 * AUTO-9, the automation library: pick a template, pick a message, choose who receives
 * the replies, adjust rules, message and delay, then "Yes, activate the automation".
 */
export default async function AutomationLibraryPage() {
  const { db, companyId, userId, company } = await requirePermission("manageAutomations");
  const t = await getTranslations("automations.library");
  const locale = (await getLocale()) as Locale;
  const [users, attributes, catalogue] = await Promise.all([listCompanyUsers(db, { companyId }), pickerAttributes(db, companyId), loadAudienceCatalogue(db, { companyId })]);
  // Custom attributes a template reads that this company has not defined (yet).
  const known = new Set(Object.values(catalogue).flatMap((list) => list.filter((a) => a.custom).map((a) => `${a.category}.${a.key.slice("attributes.".length)}`)));
  const missing = Object.fromEntries(LIBRARY.map((template) => [template.key, template.uses.filter((path) => !known.has(path))]));
  return (
    <div className="pb-10">
      <BackLink href="/automations">{t("back")}</BackLink>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="px-4 sm:px-6 lg:px-8">
        <LibraryFlow
          templates={LIBRARY}
          locale={locale}
          users={users.map((u) => ({ id: u.id, name: u.name }))}
          currentUserId={userId}
          attributes={attributes}
          missing={missing}
          catalogue={catalogue}
          timeZone={company.timezone}
        />
      </div>
    </div>
  );
}
