import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { CompanyTabs } from "./company-tabs";

/** Company settings: administrators only. */
export default async function CompanyLayout({ children }: { children: ReactNode }) {
  const { role, company } = await requireSession();
  if (!can(role, "manageCompany")) notFound();
  const t = await getTranslations("company");
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} description={company.name} />
      <CompanyTabs />
      <div className="px-4 sm:px-6 lg:max-w-4xl lg:px-8">{children}</div>
    </div>
  );
}
