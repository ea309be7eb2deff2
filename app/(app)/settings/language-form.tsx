"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { setLanguage } from "@/lib/users/actions";

export function LanguageForm({ language }: { language: "fr" | "en" }) {
  const t = useTranslations("settings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Field label={t("language")} htmlFor="language" hint={t("languageHint")}>
      <Select
        id="language"
        defaultValue={language}
        disabled={pending}
        className="sm:max-w-xs"
        onChange={(event) => {
          const next = event.target.value === "en" ? "en" : "fr";
          startTransition(async () => {
            await setLanguage({ language: next });
            router.refresh();
          });
        }}
      >
        <option value="fr">Français</option>
        <option value="en">English</option>
      </Select>
    </Field>
  );
}
