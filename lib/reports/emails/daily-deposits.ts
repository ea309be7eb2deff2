import type { CollectedPayment } from "@/db/queries/report-emails";
import type { Locale } from "@/db/schema";
import { customerName } from "@/lib/customers/display";
import { translatorFor } from "@/lib/i18n/translator";
import { reportFormats } from "./format";
import type { ReportEmailContent } from "./report-email";

/** The daily deposits email (IMPL-5): each payment collected on the day (time, reference, customer, amount) and the total. */
export function dailyDepositsEmail({ locale, companyName, currency, timeZone, day, payments, appUrl, unsubscribeHref }: {
  locale: Locale;
  companyName: string;
  currency: string;
  timeZone: string;
  /** The local day reported, "2026-12-02". */
  day: string;
  payments: CollectedPayment[];
  appUrl: string;
  unsubscribeHref: string;
}): ReportEmailContent {
  const t = translatorFor(locale);
  const f = reportFormats(t, locale, currency);
  const total = f.money(payments.reduce((sum, payment) => sum + payment.amountCents, 0));
  const dayName = f.day(day, { weekday: true, long: true });
  return {
    locale,
    subject: t("reportEmails.daily.subject", { company: companyName, day: f.day(day), total }),
    heading: t("reportEmails.daily.heading", { day: dayName }),
    intro: t("reportEmails.daily.intro", { count: payments.length, day: dayName, total }),
    blocks: [
      {
        type: "figures",
        heading: t("reportEmails.daily.payments"),
        lines: payments.map((payment) => ({
          id: payment.id,
          label: `${payment.reference} · ${customerName(payment.customer)}`,
          detail: f.time(payment.paidAt, timeZone),
          value: f.money(payment.amountCents),
        })),
        total: { id: "total", label: t("reportEmails.daily.total"), value: total },
      },
    ],
    action: { label: t("reportEmails.daily.action"), href: `${appUrl}/reports?${new URLSearchParams({ range: "custom", from: day, to: day })}` },
    footer: { reason: t("reportEmails.daily.reason"), unsubscribe: { href: unsubscribeHref, label: t("reportEmails.unsubscribe") } },
  };
}
