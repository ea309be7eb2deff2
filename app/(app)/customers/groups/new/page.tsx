import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GroupForm } from "../_components/group-form";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { loadAudienceCatalogue } from "@/lib/automations/rules/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("groups"))("newTitle") };
}

export default async function NewGroupPage() {
  const { db, companyId } = await requirePermission("manageGroups");
  const t = await getTranslations("groups");
  const catalogue = await loadAudienceCatalogue(db, { companyId });
  return (
    <div className="pb-10">
      <BackLink href="/customers/groups">{t("back")}</BackLink>
      <PageHeader title={t("newTitle")} />
      <div className="max-w-4xl px-4 sm:px-6 lg:px-8">
        <GroupForm initial={{ name: "", description: null, kind: "dynamic", rules: { all: [] } }} catalogue={catalogue} />
      </div>
    </div>
  );
}
