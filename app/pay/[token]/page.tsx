import type { Metadata } from "next";
import { CheckCircle2, Clock, Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import { stripeOrNull } from "@/lib/payments/stripe";
import { checkoutUrl, findPaymentRequestByToken } from "@/lib/payments/payments";
import { PublicCard } from "@/components/public/public-card";
import { AutoRefresh } from "@/components/public/auto-refresh";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pay"))("title"), robots: { index: false } };
}

/** The short secure link of a payment request: to Stripe Checkout, or the receipt once paid. */
export default async function PayPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ paid?: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const request = /^[A-Za-z0-9_-]{10,64}$/.test(token) ? await findPaymentRequestByToken(db, token) : undefined;
  if (!request || request.status === "cancelled") notFound();
  const [company, customer] = await Promise.all([findCompany(db, { companyId: request.companyId }), findCustomer(db, { companyId: request.companyId, customerId: request.customerId })]);
  const locale = customer?.language ?? company!.locale;
  const t = await getTranslations({ locale, namespace: "pay" });
  const amount = new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency: request.currency }).format(request.amountCents / 100);

  if (request.status === "paid") {
    return (
      <PublicCard company={company!.name}>
        <CheckCircle2 className="mx-auto h-12 w-12 text-emerald-600" aria-hidden />
        <h1 className="mt-3 text-xl font-semibold text-slate-900">{t("paidTitle")}</h1>
        <p className="mt-1 text-slate-600">{t("paidDescription", { amount, reference: request.reference })}</p>
        <a href={`/pay/${token}/receipt`} className="mt-6 inline-flex items-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-700">
          <Download className="h-4 w-4" aria-hidden />
          {t("receipt")}
        </a>
      </PublicCard>
    );
  }
  if ((await searchParams).paid) {
    // Back from Stripe before its confirmation reached us: wait a moment.
    return (
      <PublicCard company={company!.name}>
        <AutoRefresh seconds={3} />
        <Clock className="mx-auto h-12 w-12 text-brand-600" aria-hidden />
        <h1 className="mt-3 text-xl font-semibold text-slate-900">{t("processingTitle")}</h1>
        <p className="mt-1 text-slate-600">{t("processingDescription")}</p>
      </PublicCard>
    );
  }
  const stripe = stripeOrNull();
  const url = stripe ? await checkoutUrl(db, stripe.client, request).catch(() => null) : null;
  if (url) redirect(url);
  return (
    <PublicCard company={company!.name}>
      <h1 className="text-xl font-semibold text-slate-900">{t("unavailableTitle")}</h1>
      <p className="mt-1 text-slate-600">{t("unavailableDescription", { amount, reference: request.reference })}</p>
    </PublicCard>
  );
}
