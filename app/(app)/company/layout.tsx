import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { AllMessagesLayout } from "@/lib/i18n/client-messages";
import { requireSession } from "@/lib/auth/session";
import { canEditSavedReplies } from "@/lib/saved-replies/editors";
import { CompanyTabs } from "./company-tabs";

/**
 * Company settings. Administrators see every page; agents only the saved replies, when
 * the company lets them edit those. Each page checks its own permission too.
 */
export default async function CompanyLayout({
  children,
}: {
  children: ReactNode;
}) {
  const { db, role, permissions, companyId, company } = await requireSession();
  const admin = can({ role, permissions }, "manageCompany");
  const savedReplies = await canEditSavedReplies({ db, companyId, role, permissions, company });
  if (!admin && !savedReplies) notFound();
  const t = await getTranslations("company");
  return (
    <AllMessagesLayout>
      <div className="pb-10">
        <PageHeader title={t("title")} description={company.name} />
        <CompanyTabs admin={admin} />
        <div className="px-4 sm:px-6 lg:max-w-4xl lg:px-8">{children}</div>
      </div>
    </AllMessagesLayout>
  );
}
