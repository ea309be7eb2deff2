import type { Metadata } from "next";
import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/ui/avatar";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listCustomers } from "@/db/queries/customers";
import { requireSession } from "@/lib/auth/session";
import { formatPhone } from "@/lib/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { db, companyId } = await requireSession();
  const t = await getTranslations("search");
  const q = (await searchParams).q?.trim() ?? "";
  const { customers } = q ? await listCustomers(db, { companyId, query: q, limit: 20 }) : { customers: [] };
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} description={q ? t("resultsFor", { q }) : undefined} />
      <div className="px-4 sm:px-6 lg:px-8">
        <Card className="overflow-hidden">
          <CardHeader title={t("customers")} />
          {customers.length === 0 ? (
            <EmptyState icon={<SearchX className="h-6 w-6" />} title={t("noResults")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {customers.map((customer) => {
                const name = `${customer.firstName} ${customer.lastName}`.trim();
                return (
                  <li key={customer.id} className="flex items-center gap-3 px-5 py-3">
                    <Avatar name={name || "?"} size="sm" />
                    <div className="min-w-0">
                      <p className="truncate text-sm font-medium text-slate-900">{name}</p>
                      <p className="text-sm text-slate-500">{formatPhone(customer.mobile)}</p>
                    </div>
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
