import { getTranslations } from "next-intl/server";

/** Skeleton while the period's figures are computed. */
export default async function ReportsLoading() {
  const t = await getTranslations("reports");
  return (
    <div className="px-4 pt-6 pb-10 sm:px-6 lg:px-8" role="status" aria-live="polite" data-testid="reports-loading">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      <div className="mt-2 h-4 w-72 max-w-full animate-pulse rounded bg-slate-100" />
      <div className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-24 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
        ))}
      </div>
      <div className="mt-6 h-64 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
    </div>
  );
}
