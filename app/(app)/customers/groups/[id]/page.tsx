import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GroupActions } from "./group-actions";
import { GroupMembers } from "./group-members";
import { GroupKindBadge } from "../_components/group-kind-badge";
import { Badge } from "@/components/ui/badge";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { listCustomers } from "@/db/queries/customers";
import { countGroupMembers, findGroup, groupAudience, groupCustomerIds } from "@/db/queries/groups";
import { requirePermission } from "@/lib/auth/session";
import { groupIdSchema } from "@/lib/groups/validation";

type Props = { params: Promise<{ id: string }> };

async function load({ params }: Props) {
  const { db, companyId, company } = await requirePermission("manageGroups");
  const parsed = groupIdSchema.safeParse({ groupId: (await params).id });
  const group = parsed.success ? await findGroup(db, { companyId, groupId: parsed.data.groupId }) : undefined;
  if (!group) notFound();
  return { db, companyId, company, group };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).group.name };
}

/** One group: who is in it now (keyset pages), its count, and what can be done with it. */
export default async function GroupPage(props: Props) {
  const { db, companyId, company, group } = await load(props);
  const t = await getTranslations("groups");
  const audience = await groupAudience(db, { companyId, groupId: group.id, timeZone: company.timezone });
  const [count, page] = await Promise.all([
    countGroupMembers(db, { companyId, groupId: group.id }),
    listCustomers(db, { companyId, within: groupCustomerIds(audience) }),
  ]);
  return (
    <div className="pb-10">
      <BackLink href="/customers/groups">{t("back")}</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="group-name">{group.name}</span>
            <GroupKindBadge kind={group.kind} />
            {group.archivedAt ? <Badge tone="yellow">{t("archived")}</Badge> : null}
          </span>
        }
        description={
          <>
            {group.description ? <span className="block">{group.description}</span> : null}
            <span className="font-medium text-slate-700 tabular-nums" data-testid="group-member-count" data-count={count}>
              {t("members", { count })}
            </span>
          </>
        }
        actions={<GroupActions group={{ id: group.id, name: group.name, kind: group.kind, archived: group.archivedAt !== null }} count={count} />}
      />
      <div className="px-4 sm:px-6 lg:px-8">
        <GroupMembers
          key={`${group.id}-${count}`}
          groupId={group.id}
          removable={group.kind === "static" && !group.archivedAt}
          emptyText={group.kind === "dynamic" ? t("noMembersDynamic") : t("noMembersStatic")}
          initial={page.customers.map(({ optedOutAt, ...row }) => ({ ...row, optedOut: optedOutAt !== null }))}
          nextCursor={page.nextCursor}
        />
      </div>
    </div>
  );
}
