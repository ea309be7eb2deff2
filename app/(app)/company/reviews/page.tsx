import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { ReviewLinksForm } from "./review-links-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("reviews") };
}

export default async function ReviewSettingsPage() {
  const { company } = await requirePermission("manageCompany");
  return <ReviewLinksForm links={company.reviewLinks} />;
}
