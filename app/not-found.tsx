import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-4 text-center">
      <SearchX className="h-12 w-12 text-slate-300" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 hover:text-brand-800">
        {t("home")}
      </Link>
    </main>
  );
}
