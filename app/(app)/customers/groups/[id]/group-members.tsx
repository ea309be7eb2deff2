"use client";

import { Loader2, UserMinus, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { useAction } from "@/components/ui/use-action";
import { customerName } from "@/lib/customers/display";
import type { CustomerCursor, CustomerListRow } from "@/lib/customers/types";
import { loadGroupMembers, removeCustomersFromGroup } from "@/lib/groups/actions";
import { formatPhone } from "@/lib/phone";

type Row = Omit<CustomerListRow, "optedOutAt"> & { optedOut: boolean };

/** The group's customers by name, "Load more" by keyset; a static group's can be removed. */
export function GroupMembers({ groupId, initial, nextCursor, removable, emptyText }: { groupId: string; initial: Row[]; nextCursor: CustomerCursor | null; removable: boolean; emptyText: string }) {
  const t = useTranslations("groups");
  const tCustomers = useTranslations("customers");
  const router = useRouter();
  const [more, setMore] = useState<{ rows: Row[]; cursor: CustomerCursor | null }>({ rows: [], cursor: nextCursor });
  const [loading, startLoading] = useTransition();
  const { run, pending, error } = useAction();
  const rows = [...initial, ...more.rows];

  const loadMore = () =>
    startLoading(async () => {
      const result = await loadGroupMembers({ groupId, cursor: more.cursor });
      if (!result.ok) return;
      setMore((current) => ({
        rows: [...current.rows, ...result.data.customers.map(({ optedOutAt, ...row }) => ({ ...row, optedOut: optedOutAt !== null }))],
        cursor: result.data.nextCursor,
      }));
    });
  const remove = (customerId: string) => run(() => removeCustomersFromGroup({ groupId, customerIds: [customerId] }), () => router.refresh());

  return (
    <section className="space-y-3" aria-labelledby="group-members-title">
      <h2 id="group-members-title" className="text-sm font-semibold text-slate-900">
        {t("membersTitle")}
      </h2>
      {error ? <p className="text-sm text-red-600">{error}</p> : null}
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon={<Users className="h-6 w-6" />} title={t("noMembersTitle")} description={emptyText} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="group-members">
            {rows.map((customer) => (
              <li key={customer.id} className="flex items-center gap-2 pr-2 hover:bg-slate-50 has-[a:focus-visible]:bg-slate-50 sm:pr-3" data-testid="group-member">
                <Link href={`/customers/${customer.id}`} className="flex min-w-0 flex-1 items-center gap-3 px-4 py-3 focus-visible:outline-none sm:px-5">
                  <Avatar name={customerName(customer)} size="md" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium text-slate-900">{customerName(customer)}</p>
                    <p className="truncate text-sm text-slate-500">{customer.mobile ? formatPhone(customer.mobile) : tCustomers("noMobile")}</p>
                  </div>
                  {customer.optedOut ? <Badge tone="red">{tCustomers("optedOut")}</Badge> : null}
                </Link>
                {removable ? (
                  <Button variant="ghost" size="icon" onClick={() => remove(customer.id)} disabled={pending} aria-label={`${t("remove")} : ${customerName(customer)}`}>
                    <UserMinus className="h-4 w-4" aria-hidden />
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {more.cursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={loadMore} disabled={loading} data-testid="load-more-members">
            {loading ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : null}
            {t("loadMore")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
