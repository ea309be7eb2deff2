import { CalendarDays, ChevronRight, Mail, Phone, StickyNote } from "lucide-react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import type { OptOutCause } from "@/lib/compliance/opt-out-cause";
import type { CustomerPanelData, PanelCustomer } from "@/lib/conversations/types";
import { contactAttributeText } from "@/lib/customers/display";
import { formatPhone } from "@/lib/phone";

type Customer = PanelCustomer;
type PanelData = CustomerPanelData;

/** Contact details, subscription and opt-out state, attributes, appointments, notes. */
export async function CustomerPanel({ customer, data, currency = "CAD", optedOutBy = { by: "customer" } }: { customer: Customer; data: PanelData; currency?: string; optedOutBy?: OptOutCause }) {
  const t = await getTranslations("customerPanel");
  const format = await getFormatter();
  const money = { currency, locale: await getLocale() };
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  return (
    <div className="space-y-6 text-sm" data-testid="customer-panel">
      <section>
        <h3 className="text-base font-semibold text-slate-900">{name || t("unnamed")}</h3>
        <Link
          href={`/customers/${customer.id}`}
          className="mt-0.5 inline-flex items-center gap-0.5 text-sm font-medium text-brand-700 hover:underline"
          data-testid="open-profile"
        >
          {t("openProfile")}
          <ChevronRight className="h-4 w-4" aria-hidden />
        </Link>
        <ul className="mt-2 space-y-1.5 text-slate-600">
          <li className="flex items-center gap-2">
            <Phone className="h-4 w-4 text-slate-400" aria-hidden />
            {customer.mobile ? formatPhone(customer.mobile) : <span className="text-slate-400">{t("noMobile")}</span>}
          </li>
          {customer.email ? (
            <li className="flex items-center gap-2 break-all">
              <Mail className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
              {customer.email}
            </li>
          ) : null}
        </ul>
        <div className="mt-3 flex flex-wrap gap-1.5">
          <Badge>{customer.language === "fr" ? "Français" : "English"}</Badge>
          {customer.optedOutAt ? (
            <Badge tone="red" data-testid="opted-out-badge">
              {optedOutBy.by === "staff"
                ? t("optedOutByStaff", { date: format.dateTime(customer.optedOutAt, { dateStyle: "medium" }), name: optedOutBy.staffName ?? t("staffUnknown") })
                : t("optedOut", { date: format.dateTime(customer.optedOutAt, { dateStyle: "medium" }) })}
            </Badge>
          ) : (
            <>
              <Badge tone={customer.subscribedGeneral ? "green" : "yellow"}>{customer.subscribedGeneral ? t("generalOn") : t("generalOff")}</Badge>
              <Badge tone={customer.subscribedMarketing ? "green" : "yellow"}>{customer.subscribedMarketing ? t("marketingOn") : t("marketingOff")}</Badge>
            </>
          )}
        </div>
      </section>

      {data.definitions.length > 0 ? (
        <section>
          <h4 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("attributes")}</h4>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
            {data.definitions.map((definition) => (
              <div key={definition.id} className="contents">
                <dt className="text-slate-500">{definition.label}</dt>
                <dd className="text-slate-900">{contactAttributeText(customer.attributes[definition.key], definition.type, format, money) ?? <span className="text-slate-300">—</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <section>
        <h4 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("upcoming")}</h4>
        {data.upcoming.length === 0 ? <p className="text-slate-400">{t("noAppointments")}</p> : null}
        <ul className="space-y-2">
          {data.upcoming.map((appointment) => (
            <li key={appointment.id} className="flex gap-2">
              <CalendarDays className="mt-0.5 h-4 w-4 shrink-0 text-brand-600" aria-hidden />
              <div>
                <p className="font-medium text-slate-900">{appointment.type}</p>
                <p className="text-slate-500">
                  {format.dateTime(appointment.startAt, { dateStyle: "medium", timeStyle: "short" })} · {t(`appointmentStatus.${appointment.status}`)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h4 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("notes")}</h4>
        {data.recentNotes.length === 0 ? <p className="text-slate-400">{t("noNotes")}</p> : null}
        <ul className="space-y-2">
          {data.recentNotes.map((note) => (
            <li key={note.id} className="rounded-lg bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
              <p className="flex items-center gap-1.5 text-xs text-amber-800">
                {note.authorName ? <Avatar name={note.authorName} src={note.authorPhotoUrl} size="xs" /> : <StickyNote className="h-3.5 w-3.5" aria-hidden />}
                {note.authorName} · {format.relativeTime(note.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-800">{note.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
