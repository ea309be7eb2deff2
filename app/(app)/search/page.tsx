import type { Metadata } from "next";
import { CalendarDays, CreditCard, MessageSquareText, SearchX, User, Wrench } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth/session";
import { customerName } from "@/lib/customers/display";
import { formatPhone } from "@/lib/phone";
import { globalSearch } from "@/lib/search/global";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

const hrefFor = (conversationId: string | null, query: string) => (conversationId ? `/conversations/${conversationId}` : `/customers?q=${encodeURIComponent(query)}`);

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { db, companyId } = await requireSession();
  const t = await getTranslations("search");
  const format = await getFormatter();
  const q = (await searchParams).q?.trim() ?? "";
  const results = await globalSearch(db, { companyId, query: q });
  const total = Object.values(results).reduce((sum, group) => sum + group.length, 0);
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} description={q ? t("resultsFor", { q }) : t("hint")} />
      <div className="grid gap-6 px-4 sm:px-6 lg:max-w-4xl lg:px-8">
        {total === 0 ? (
          <Card>
            <EmptyState icon={<SearchX className="h-6 w-6" />} title={q ? t("noResults") : t("hint")} />
          </Card>
        ) : null}
        <Group title={t("customers")} icon={<User className="h-4 w-4" />} count={results.customers.length} testId="results-customers">
          {results.customers.map((row) => (
            <Row key={row.id} href={hrefFor(row.conversationId, q)} avatar={customerName(row)} title={customerName(row)} detail={[formatPhone(row.mobile), row.email].filter(Boolean).join(" · ")} />
          ))}
        </Group>
        <Group title={t("messages")} icon={<MessageSquareText className="h-4 w-4" />} count={results.messages.length} testId="results-messages">
          {results.messages.map((row) => (
            <Row key={row.id} href={`/conversations/${row.conversationId}`} avatar={customerName(row)} title={customerName(row)} detail={row.body} meta={format.dateTime(row.createdAt, { dateStyle: "medium" })} />
          ))}
        </Group>
        <Group title={t("repairOrders")} icon={<Wrench className="h-4 w-4" />} count={results.repairOrders.length} testId="results-repair-orders">
          {results.repairOrders.map((row) => (
            <Row key={row.id} href={hrefFor(row.conversationId, q)} avatar={customerName(row)} title={`${row.number} · ${row.title}`} detail={customerName(row)} meta={format.dateTime(row.occurredAt, { dateStyle: "medium" })} />
          ))}
        </Group>
        <Group title={t("appointments")} icon={<CalendarDays className="h-4 w-4" />} count={results.appointments.length} testId="results-appointments">
          {results.appointments.map((row) => (
            <Row key={row.id} href={hrefFor(row.conversationId, q)} avatar={customerName(row)} title={row.type} detail={customerName(row)} meta={format.dateTime(row.startAt, { dateStyle: "medium", timeStyle: "short" })} />
          ))}
        </Group>
        <Group title={t("payments")} icon={<CreditCard className="h-4 w-4" />} count={results.payments.length} testId="results-payments">
          {results.payments.map((row) => (
            <Row
              key={row.id}
              href={hrefFor(row.conversationId, q)}
              avatar={customerName(row)}
              title={format.number(row.amountCents / 100, { style: "currency", currency: row.currency })}
              detail={`${row.reference} · ${customerName(row)}`}
              meta={format.dateTime(row.createdAt, { dateStyle: "medium" })}
            />
          ))}
        </Group>
      </div>
    </div>
  );
}

function Group({ title, icon, count, testId, children }: { title: string; icon: ReactNode; count: number; testId: string; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <Card className="overflow-hidden" data-testid={testId}>
      <CardHeader title={<span className="inline-flex items-center gap-2 text-slate-700">{icon}{title}</span>} />
      <ul className="divide-y divide-slate-100">{children}</ul>
    </Card>
  );
}

function Row({ href, avatar, title, detail, meta }: { href: string; avatar: string; title: string; detail: string; meta?: string }) {
  return (
    <li>
      <Link href={href} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
        <Avatar name={avatar} size="sm" />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-slate-900">{title}</span>
          <span className="block truncate text-sm text-slate-500">{detail}</span>
        </span>
        {meta ? <span className="shrink-0 text-xs text-slate-400">{meta}</span> : null}
      </Link>
    </li>
  );
}
