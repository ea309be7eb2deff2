import type { Metadata } from "next";
import { CalendarDays, ChevronLeft, ChevronRight, MessagesSquare } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AppointmentStatusSelect } from "@/components/customers/appointment-dialog";
import { TextCustomerButton } from "./_components/text-customer-button";
import { DayPicker } from "./_components/day-picker";
import { Avatar } from "@/components/ui/avatar";
import { ReminderProblemLink } from "@/components/automations/reminder-problem";
import { latestReminderProblems } from "@/lib/automations/reminder-problems";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listAppointmentsForDay } from "@/lib/appointments/appointments";
import { dayRange } from "@/lib/time";
import { appointmentDaySchema } from "@/lib/appointments/validation";
import { requireSession } from "@/lib/auth/session";
import { customerName } from "@/lib/customers/display";
import { formatPhone } from "@/lib/phone";
import { utcToZonedLocal } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("appointments") };
}

const shiftDay = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** The day's appointments, each with its customer's conversation one click away (CONV-10). */
export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  const { db, companyId, company } = await requireSession();
  const t = await getTranslations("appointments");
  const format = await getFormatter();
  const today = utcToZonedLocal(new Date(), company.timezone).slice(0, 10);
  const requested = (await searchParams).day;
  const day = appointmentDaySchema.safeParse(requested).success ? requested! : today;
  const rows = await listAppointmentsForDay(db, { companyId, day, timeZone: company.timezone });
  const { start } = dayRange(day, company.timezone);
  // A reminder that did not reach the customer shows on its appointment (the latest one wins).
  const problems = await latestReminderProblems(db, { companyId, appointmentIds: rows.map((row) => row.appointment.id) });

  return (
    <div className="pb-10">
      <PageHeader title={t("title")} description={format.dateTime(start, { dateStyle: "full" })} />
      <div className="space-y-4 px-4 sm:px-6 lg:px-8">
        <div className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary" size="icon" aria-label={t("previousDay")}>
            <Link href={`/appointments?day=${shiftDay(day, -1)}`}>
              <ChevronLeft className="h-4 w-4" aria-hidden />
            </Link>
          </Button>
          <Button asChild variant={day === today ? "primary" : "secondary"} size="sm">
            <Link href="/appointments">{t("today")}</Link>
          </Button>
          <Button asChild variant="secondary" size="icon" aria-label={t("nextDay")}>
            <Link href={`/appointments?day=${shiftDay(day, 1)}`}>
              <ChevronRight className="h-4 w-4" aria-hidden />
            </Link>
          </Button>
          <DayPicker day={day} />
          <span className="ml-auto text-sm text-slate-500">{t("count", { count: rows.length })}</span>
        </div>
        <Card className="overflow-hidden">
          {rows.length === 0 ? (
            <EmptyState icon={<CalendarDays className="h-6 w-6" />} title={t("emptyTitle")} description={t("emptyDescription")} />
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="appointment-list">
              {rows.map(({ appointment, customer, assigneeName, conversationId }) => {
                const name = customerName(customer);
                const local = utcToZonedLocal(appointment.startAt, company.timezone);
                const problem = problems.get(appointment.id);
                return (
                  <li key={appointment.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:flex-nowrap sm:px-5">
                    <div className="w-14 shrink-0 text-sm">
                      <p className="font-semibold text-slate-900 tabular-nums">{local.slice(11, 16)}</p>
                      <p className="text-xs text-slate-500">{t("minutesShort", { count: appointment.durationMinutes })}</p>
                    </div>
                    <Link href={`/customers/${customer.id}?tab=appointments`} className="flex min-w-0 flex-1 items-center gap-3 hover:underline">
                      <Avatar name={name} size="sm" />
                      <span className="min-w-0">
                        <span className="block truncate text-sm font-medium text-slate-900">{name}</span>
                        <span className="block truncate text-sm text-slate-500">
                          {appointment.type}
                          {customer.mobile ? ` · ${formatPhone(customer.mobile)}` : ""}
                          {assigneeName ? ` · ${assigneeName}` : ""}
                        </span>
                      </span>
                    </Link>
                    {problem ? <ReminderProblemLink problem={problem} className="order-last w-full sm:order-none sm:w-auto sm:max-w-64" /> : null}
                    <div className="flex w-full items-center justify-end gap-2 sm:w-auto">
                      <AppointmentStatusSelect id={appointment.id} status={appointment.status} />
                      {conversationId ? (
                        <Button asChild variant="secondary" size="sm" aria-label={t("openConversation", { name })} title={t("openConversation", { name })}>
                          <Link href={`/conversations/${conversationId}`} data-testid="appointment-conversation">
                            <MessagesSquare className="h-4 w-4" aria-hidden />
                            {t("textShort")}
                          </Link>
                        </Button>
                      ) : (
                        <TextCustomerButton
                          customerId={customer.id}
                          label={customer.mobile ? t("textCustomer", { name }) : t("noMobileToText", { name })}
                          text={t("textShort")}
                          disabled={!customer.mobile}
                        />
                      )}
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
