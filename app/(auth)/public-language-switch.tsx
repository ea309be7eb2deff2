"use client";

import { Languages } from "lucide-react";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setPublicLanguage } from "@/lib/auth/actions";

export function PublicLanguageSwitch() {
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next = locale === "fr" ? "en" : "fr";
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await setPublicLanguage(next);
          router.refresh();
        })
      }
      className="inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-white hover:text-slate-900"
    >
      <Languages className="h-4 w-4" aria-hidden />
      {next === "en" ? "English" : "Français"}
    </button>
  );
}
