import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { ReviewLinksForm } from "./review-links-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("reviews") };
}

export default async function ReviewSettingsPage() {
  const { company } = await requireAdmin();
  return <ReviewLinksForm links={company.reviewLinks} />;
}
