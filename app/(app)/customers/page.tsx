import type { Metadata } from "next";
import { FileUp } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CustomerDirectory } from "./_components/customer-directory";
import { NewCustomerButton } from "./_components/new-customer-button";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CustomersTabs } from "./_components/customers-tabs";
import { listCustomers } from "@/db/queries/customers";
import { listGroupChoices } from "@/db/queries/groups";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { customerListFilterSchema } from "@/lib/customers/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("customers") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, companyId, company, role, permissions } = await requireSession();
  const t = await getTranslations("customers");
  const parsed = customerListFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const { q, ...filters } = filter;
  const [{ customers, nextCursor }, groups] = await Promise.all([
    listCustomers(db, { companyId, query: q, filters }),
    can({ role, permissions }, "manageGroups") ? listGroupChoices(db, { companyId, kind: "static" }) : null,
  ]);
  return (
    <div className="pb-10">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can({ role, permissions }, "importCustomers") ? (
              <Button asChild variant="secondary" size="sm">
                <Link href="/customers/import">
                  <FileUp className="h-4 w-4" aria-hidden />
                  {t("import")}
                </Link>
              </Button>
            ) : null}
            <NewCustomerButton defaultLanguage={company.locale} />
          </>
        }
      />
      {can({ role, permissions }, "manageGroups") ? <CustomersTabs active="customers" /> : null}
      <div className="px-4 pt-5 sm:px-6 lg:px-8">
        <CustomerDirectory
          groups={groups}
          filter={filter}
          nextCursor={nextCursor}
          initial={customers.map(({ optedOutAt, ...row }) => ({ ...row, optedOut: optedOutAt !== null }))}
        />
      </div>
    </div>
  );
}
