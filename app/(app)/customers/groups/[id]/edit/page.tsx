import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GroupForm } from "../../_components/group-form";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { findGroup } from "@/db/queries/groups";
import { requirePermission } from "@/lib/auth/session";
import { loadAudienceCatalogue } from "@/lib/automations/rules/load";
import { withoutGroup } from "../../_components/catalogue";
import { groupIdSchema } from "@/lib/groups/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("groups"))("edit") };
}

export default async function EditGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, companyId } = await requirePermission("manageGroups");
  const parsed = groupIdSchema.safeParse({ groupId: (await params).id });
  const group = parsed.success ? await findGroup(db, { companyId, groupId: parsed.data.groupId }) : undefined;
  if (!group || group.archivedAt) notFound();
  const t = await getTranslations("groups");
  const catalogue = withoutGroup(await loadAudienceCatalogue(db, { companyId }), group.id);
  return (
    <div className="pb-10">
      <BackLink href={`/customers/groups/${group.id}`}>{group.name}</BackLink>
      <PageHeader title={t("edit")} />
      <div className="max-w-4xl px-4 sm:px-6 lg:px-8">
        <GroupForm initial={{ id: group.id, name: group.name, description: group.description, kind: group.kind, rules: group.rules }} catalogue={catalogue} />
      </div>
    </div>
  );
}
