import type { Metadata } from "next";
import { Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listCustomers } from "@/db/queries/customers";
import { requireSession } from "@/lib/auth/session";
import { formatPhone } from "@/lib/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("customers") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { db, companyId } = await requireSession();
  const t = await getTranslations("customers");
  const { q } = await searchParams;
  const { customers } = await listCustomers(db, { companyId, query: q, limit: 100 });
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} />
      <div className="px-4 sm:px-6 lg:px-8">
        <Card className="overflow-hidden">
          {customers.length === 0 ? (
            <EmptyState icon={<Users className="h-6 w-6" />} title={t("emptyTitle")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {customers.map((customer) => {
                const name = `${customer.firstName} ${customer.lastName}`.trim();
                return (
                  <li key={customer.id} className="flex items-center gap-3 px-4 py-3 sm:px-5">
                    <Avatar name={name || "?"} size="sm" />
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-medium text-slate-900">{name}</p>
                      <p className="truncate text-sm text-slate-500">{customer.mobile ? formatPhone(customer.mobile) : t("noMobile")}</p>
                    </div>
                    {customer.optedOutAt ? <Badge tone="red">{t("optedOut")}</Badge> : null}
                    <Badge>{customer.language.toUpperCase()}</Badge>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
