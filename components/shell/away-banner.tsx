"use client";

import { Clock } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";

export function AwayBanner({ until }: { until: string | null }) {
  const t = useTranslations("away");
  const format = useFormatter();
  return (
    <div role="status" className="flex items-center justify-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <Clock className="h-4 w-4 shrink-0" aria-hidden />
      <span>
        {until ? t("bannerUntil", { until: format.dateTime(new Date(until), { dateStyle: "medium", timeStyle: "short" }) }) : t("banner")}
      </span>
      <Link href="/settings#away" className="font-medium underline underline-offset-2">
        {t("change")}
      </Link>
    </div>
  );
}
