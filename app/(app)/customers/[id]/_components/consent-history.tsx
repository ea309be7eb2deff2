"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ConsentHistoryEntry } from "@/lib/compliance/types";

/** The profile's proof of consent: every opt-in and opt-out, newest first, with how it came. */
export function ConsentHistory({ entries }: { entries: ConsentHistoryEntry[] }) {
  const t = useTranslations("compliance.history");
  const format = useFormatter();
  const how = (entry: ConsentHistoryEntry) =>
    entry.source === "staff" ? (entry.staffName ? t("source.staff", { name: entry.staffName }) : t("source.staffUnknown")) : t(`source.${entry.source}`);

  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ol className="divide-y divide-slate-100" aria-label={t("title")}>
            {entries.map((entry) => (
              <li key={entry.id} className="flex flex-col gap-0.5 py-2.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">
                    <span className={entry.kind === "opt_out" ? "text-red-700" : "text-emerald-700"}>{t(`kind.${entry.kind}`)}</span>
                    {" · "}
                    {t(`scope.${entry.scope}`)}
                  </p>
                  <p className="text-sm break-words text-slate-500">
                    {how(entry)}
                    {entry.keyword ? ` ${t("words", { words: entry.keyword })}` : null}
                  </p>
                </div>
                <time dateTime={entry.at} className="shrink-0 text-xs text-slate-500">
                  {format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
