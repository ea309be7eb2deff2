import type { Metadata } from "next";
import { Smartphone } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { requireDevTool } from "@/lib/auth/dev-tools";
import { customerName } from "@/lib/customers/display";
import { env } from "@/lib/env";
import { simulatorCustomers, simulatorThread } from "@/lib/messaging/simulator";
import { formatPhone } from "@/lib/phone";
import { PhoneComposer, PollingRefresh } from "./phone-composer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("simulator"))("title") };
}

type Params = { customer?: string; q?: string };

export default async function PhoneSimulatorPage({ searchParams }: { searchParams: Promise<Params> }) {
  const t = await getTranslations("simulator");
  const { db, company: own } = await requireDevTool("phone");
  const params = await searchParams;
  // Only the signed-in user's own company, and only if it has a number to text.
  const company = own.senderNumber ? own : undefined;
  const customers = company ? await simulatorCustomers(db, { companyId: company.id, query: params.q }) : [];
  const selected = customers.find((c) => c.id === params.customer);
  const thread = company && selected ? await simulatorThread(db, { companyId: company.id, customerId: selected.id, appUrl: env().APP_URL }) : [];
  const link = (values: Params) => `/dev/phone?${new URLSearchParams(Object.entries({ q: params.q, ...values }).filter(([, v]) => v) as [string, string][])}`;

  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <PollingRefresh />
      <div className="mb-6 flex items-center justify-between">
        <Logo />
        <span className="rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium text-amber-800">{t("devOnly")}</span>
      </div>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-1 mb-6 max-w-2xl text-sm text-slate-500">{t("description")}</p>
      {!company ? (
        <p className="text-sm text-slate-500">{t("noCompany")}</p>
      ) : (
        <div className="grid gap-6 md:grid-cols-[18rem_1fr]">
          <aside className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
            <form action="/dev/phone" className="mb-2">
              <input name="q" defaultValue={params.q} placeholder={t("searchCustomer")} aria-label={t("searchCustomer")} className="h-9 w-full rounded-lg border-0 bg-slate-100 px-3 text-sm focus:ring-2 focus:ring-brand-500 focus:outline-none" />
            </form>
            <ul className="max-h-[28rem] space-y-0.5 overflow-y-auto" data-testid="simulator-customers">
              {customers.map((customer) => (
                <li key={customer.id}>
                  <Link
                    href={link({ customer: customer.id })}
                    className={cn("flex items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm", customer.id === selected?.id ? "bg-brand-50 text-brand-800" : "hover:bg-slate-50")}
                  >
                    <Avatar name={customerName(customer)} size="sm" />
                    <span className="min-w-0">
                      <span className="block truncate font-medium">{customerName(customer)}</span>
                      <span className="block text-xs text-slate-500">{formatPhone(customer.mobile)}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </aside>
          <section className="mx-auto w-full max-w-sm">
            <div className="overflow-hidden rounded-[2.2rem] border-8 border-slate-900 bg-slate-900 shadow-xl">
              <div className="flex items-center gap-2 bg-slate-100 px-4 py-3">
                <Smartphone className="h-4 w-4 text-slate-500" aria-hidden />
                <div className="min-w-0">
                  <p className="truncate text-sm font-semibold text-slate-900">{company.name}</p>
                  <p className="text-xs text-slate-500">{formatPhone(company.senderNumber)}</p>
                </div>
              </div>
              <ol className="h-[26rem] space-y-2 overflow-y-auto bg-white px-3 py-3" data-testid="phone-thread">
                {!selected ? <li className="pt-20 text-center text-sm text-slate-400">{t("pickCustomer")}</li> : null}
                {thread.map((message) => (
                  <li key={message.id} className={cn("flex", message.direction === "inbound" ? "justify-end" : "justify-start")}>
                    {/* On the customer's phone their own texts are on the right. */}
                    <p
                      data-testid="phone-message"
                      className={cn("max-w-[80%] rounded-2xl px-3 py-2 text-sm whitespace-pre-wrap", message.direction === "inbound" ? "rounded-br-md bg-emerald-500 text-white" : "rounded-bl-md bg-slate-200 text-slate-900")}
                    >
                      {message.body}
                      {message.links.map((link) => (
                        <a key={link} href={link} target="_blank" rel="noreferrer" className="mt-1 block break-all underline" data-testid="phone-link">
                          {link}
                        </a>
                      ))}
                    </p>
                  </li>
                ))}
              </ol>
              <div className="bg-slate-100 p-2">
                <PhoneComposer from={selected?.mobile ?? ""} allowNumber={!selected} />
              </div>
            </div>
            {selected ? <p className="mt-3 text-center text-xs text-slate-500">{t("textingAs", { name: customerName(selected), phone: formatPhone(selected.mobile) })}</p> : null}
          </section>
        </div>
      )}
    </main>
  );
}
