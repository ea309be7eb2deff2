import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PublicCard } from "@/components/public/public-card";
import { getDb } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import { findReviewByToken } from "@/lib/reviews/reviews";
import { ReviewForm } from "./review-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviewPage"))("title"), robots: { index: false } };
}

/** EDIT-10: the customer rates their visit, in their language; happy ones get the public review links. */
export default async function ReviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const review = /^[A-Za-z0-9_-]{10,64}$/.test(token) ? await findReviewByToken(db, token) : undefined;
  if (!review) notFound();
  const [company, customer] = await Promise.all([findCompany(db, { companyId: review.companyId }), findCustomer(db, { companyId: review.companyId, customerId: review.customerId })]);
  const locale = customer?.language ?? company!.locale;
  return (
    <PublicCard company={company!.name}>
      <ReviewForm
        token={token}
        locale={locale}
        firstName={customer?.firstName ?? ""}
        submitted={review.submittedAt ? { rating: review.rating ?? 0 } : null}
        links={company!.reviewLinks}
      />
    </PublicCard>
  );
}
