import { CircleDollarSign, Download } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { ThreadPayment } from "@/lib/conversations/types";

/** A payment request under the message that carried it: amount, reference, paid or not, receipt. */
export async function PaymentCard({ payment }: { payment: ThreadPayment }) {
  const t = await getTranslations("paymentCard");
  const format = await getFormatter();
  const paid = payment.status === "paid";
  return (
    <div
      className={cn("mt-1.5 w-64 max-w-[85%] rounded-xl px-3.5 py-3 text-sm shadow-sm ring-1", paid ? "bg-emerald-50 ring-emerald-200" : "bg-white ring-slate-200")}
      data-testid="payment-card"
      data-status={payment.status}
    >
      <div className="flex items-center gap-2">
        <CircleDollarSign className={cn("h-5 w-5", paid ? "text-emerald-600" : "text-slate-400")} aria-hidden />
        <span className="text-base font-semibold text-slate-900 tabular-nums">{format.number(payment.amountCents / 100, { style: "currency", currency: payment.currency })}</span>
      </div>
      <p className="mt-0.5 text-xs text-slate-500">{t("reference", { reference: payment.reference })}</p>
      <p className={cn("mt-2 text-xs font-medium", paid ? "text-emerald-700" : payment.status === "pending" ? "text-amber-700" : "text-red-700")}>
        {paid && payment.paidAt ? t("paid", { date: format.dateTime(payment.paidAt, { dateStyle: "medium", timeStyle: "short" }) }) : t(`status.${payment.status}`)}
      </p>
      {paid ? (
        <a href={`/api/payments/${payment.id}/receipt`} className="mt-2 inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline" data-testid="receipt-link">
          <Download className="h-3.5 w-3.5" aria-hidden />
          {t("receipt")}
        </a>
      ) : null}
    </div>
  );
}
