import type { Metadata } from "next";
import { Archive, ChevronRight, Plus, UsersRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CustomersTabs } from "../_components/customers-tabs";
import { GroupKindBadge } from "./_components/group-kind-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listGroups } from "@/db/queries/groups";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("groups"))("title") };
}

/** IMPL-1: the company's saved audiences with how many customers each holds now. */
export default async function GroupsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const { db, companyId } = await requirePermission("manageGroups");
  const t = await getTranslations("groups");
  const archived = (await searchParams).archived === "1";
  const groups = await listGroups(db, { companyId, archived });
  return (
    <div className="pb-10">
      <PageHeader
        title={archived ? t("archivedTitle") : t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="ghost" size="sm">
              <Link href={archived ? "/customers/groups" : "/customers/groups?archived=1"}>
                <Archive className="h-4 w-4" aria-hidden />
                {archived ? t("showActive") : t("showArchived")}
              </Link>
            </Button>
            <Button asChild size="sm">
              <Link href="/customers/groups/new" data-testid="new-group">
                <Plus className="h-4 w-4" aria-hidden />
                {t("new")}
              </Link>
            </Button>
          </>
        }
      />
      <CustomersTabs active="groups" />
      <div className="px-4 pt-5 sm:px-6 lg:px-8">
        <Card className="overflow-hidden">
          {groups.length === 0 ? (
            <EmptyState icon={<UsersRound className="h-6 w-6" />} title={archived ? t("emptyArchived") : t("emptyTitle")} description={archived ? undefined : t("emptyDescription")} />
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="group-list">
              {groups.map((group) => (
                <li key={group.id}>
                  <Link
                    href={`/customers/groups/${group.id}`}
                    className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none sm:px-5"
                    data-testid="group-row"
                  >
                    <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700">
                      <UsersRound className="h-4 w-4" aria-hidden />
                    </span>
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                        <span className="truncate">{group.name}</span>
                        <GroupKindBadge kind={group.kind} />
                      </p>
                      {group.description ? <p className="truncate text-sm text-slate-500">{group.description}</p> : null}
                    </div>
                    <span className="shrink-0 text-sm text-slate-600 tabular-nums" data-testid="group-count" data-count={group.memberCount}>
                      {t("members", { count: group.memberCount })}
                    </span>
                    <ChevronRight className="h-4 w-4 shrink-0 text-slate-300" aria-hidden />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
