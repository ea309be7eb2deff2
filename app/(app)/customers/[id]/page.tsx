import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { AppointmentDialog } from "@/components/customers/appointment-dialog";
import { latestReminderProblems } from "@/lib/automations/reminder-problems";
import { ConsentHistory } from "./_components/consent-history";
import { ContactCard } from "./_components/contact-card";
import { MessageCustomerButton } from "./_components/message-customer-button";
import { ProfileTabContent } from "./_components/profile-tabs";
import { ProfileTabStrip } from "./_components/profile-tab-strip";
import { SubscriptionsCard } from "./_components/subscriptions-card";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/page-header";
import { attributeDefinitions } from "@/db/queries/attributes";
import { PROFILE_TABS, profileTabCounts, type ProfileTab } from "@/db/queries/customer-profile";
import { findCustomer } from "@/db/queries/customers";
import { loadProfileTab } from "@/lib/customers/profile";
import { requireSession } from "@/lib/auth/session";
import { consentHistory } from "@/lib/compliance/consent";
import { optOutCause } from "@/lib/compliance/opt-out-cause";
import { customerName } from "@/lib/customers/display";
import { formatPhone } from "@/lib/phone";
import { utcToZonedLocal } from "@/lib/time";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> };

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

async function loadCustomer(id: string) {
  const session = await requireSession();
  if (!isUuid(id)) notFound();
  const customer = await findCustomer(session.db, { companyId: session.companyId, customerId: id });
  if (!customer) notFound();
  return { session, customer };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { customer } = await loadCustomer((await params).id);
  return { title: customerName(customer) };
}

export default async function CustomerProfilePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { session, customer } = await loadCustomer(id);
  // A profile merged into another (CONV-15) lives on as the other one.
  if (customer.mergedIntoId) redirect(`/customers/${customer.mergedIntoId}`);
  const { db, companyId, company } = session;
  const requested = (await searchParams).tab;
  const tab: ProfileTab = PROFILE_TABS.includes(requested as ProfileTab) ? (requested as ProfileTab) : "all";
  const t = await getTranslations("customers");
  const format = await getFormatter();
  const [customerDefinitions, appointmentDefinitions, counts, tabContent, consent] = await Promise.all([
    attributeDefinitions(db, { companyId, category: "customer" }),
    attributeDefinitions(db, { companyId, category: "appointment" }),
    profileTabCounts(db, { companyId, customerId: customer.id }),
    loadProfileTab(db, { companyId, customerId: customer.id, tab }),
    consentHistory(db, { companyId, customerId: customer.id }),
  ]);
  const reminderProblems = await latestReminderProblems(db, {
    companyId,
    appointmentIds: tabContent.items.flatMap((item) => (item.kind === "appointment" ? [item.row.id] : [])),
  });
  const name = customerName(customer);
  const optedOutBy = optOutCause(consent);
  // A customer without a name is already titled by their number: not twice.
  const phoneLine = !customer.mobile ? t("noMobile") : name !== formatPhone(customer.mobile) ? formatPhone(customer.mobile) : null;
  const today = utcToZonedLocal(new Date(), company.timezone).slice(0, 10);

  return (
    <div className="pb-10">
      <BackLink href="/customers">{t("back")}</BackLink>
      <div className="flex flex-wrap items-center justify-between gap-4 px-4 pt-3 pb-5 sm:px-6 lg:px-8">
        <div className="flex min-w-0 items-center gap-4">
          <Avatar name={name} size="lg" />
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900" data-testid="customer-name">
              {name}
            </h1>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
              {phoneLine ? <span>{phoneLine}</span> : null}
              {customer.optedOutAt ? (
                <Badge tone="red" data-testid="opted-out-badge">
                  {optedOutBy.by === "staff" ? t("optedOutByStaff") : t("optedOut")}
                </Badge>
              ) : null}
              {!customer.optedOutAt && !customer.subscribedMarketing ? <Badge tone="yellow">{t("noMarketing")}</Badge> : null}
              {!customer.optedOutAt && !customer.subscribedGeneral ? <Badge tone="yellow">{t("noGeneral")}</Badge> : null}
            </div>
          </div>
        </div>
        <div className="flex w-full flex-wrap items-start gap-2 sm:w-auto [&>*]:flex-1 sm:[&>*]:flex-none">
          <AppointmentDialog customerId={customer.id} definitions={appointmentDefinitions} defaultDate={today} />
          <MessageCustomerButton customerId={customer.id} disabled={!customer.mobile} />
        </div>
      </div>

      <div className="grid gap-6 px-4 sm:px-6 lg:grid-cols-[minmax(0,19rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,21rem)_minmax(0,1fr)] lg:px-8">
        <div className="space-y-6">
          <ContactCard
            customer={{
              id: customer.id,
              firstName: customer.firstName,
              lastName: customer.lastName,
              mobile: customer.mobile,
              email: customer.email,
              language: customer.language,
              attributes: customer.attributes,
            }}
            definitions={customerDefinitions.map(({ key, label, type, options }) => ({ key, label, type, options }))}
            currency={company.currency}
          />
          <SubscriptionsCard
            customerId={customer.id}
            subscriptions={{ general: customer.subscribedGeneral, marketing: customer.subscribedMarketing }}
            optedOutOn={customer.optedOutAt ? format.dateTime(customer.optedOutAt, { dateStyle: "long" }) : null}
            optedOutBy={optedOutBy}
          />
          <ConsentHistory entries={consent} />
        </div>
        <div className="min-w-0">
          <nav className="border-b border-slate-200" aria-label={t("profile.tabsLabel")}>
            <ProfileTabStrip
              tabs={PROFILE_TABS.map((key) => ({
                key,
                href: key === "all" ? `/customers/${customer.id}` : `/customers/${customer.id}?tab=${key}`,
                label: t(`profile.tabs.${key}`),
                count: key === "all" ? 0 : counts[key],
                current: tab === key,
              }))}
            />
          </nav>
          <div className="pt-5">
            <ProfileTabContent
              tab={tab}
              customerId={customer.id}
              items={tabContent.items}
              appointmentDefinitions={appointmentDefinitions}
              eventDefinitions={tabContent.eventDefinitions}
              timeZone={company.timezone}
              currency={company.currency}
              reminderProblems={reminderProblems}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
