"use client";

import { Cpu } from "lucide-react";
import { useTranslations } from "next-intl";
import { Tooltip } from "@/components/ui/tooltip";

export function EngineBadge({ engine }: { engine: string }) {
  const t = useTranslations("engine");
  const label = t.has(`name.${engine}`) ? t(`name.${engine}`) : engine;
  return (
    <Tooltip content={t(`help.${engine === "in-process" ? "inProcess" : "inngest"}`)}>
      <span data-testid="engine-badge" className="inline-flex cursor-default items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-1 text-xs text-slate-600">
        <Cpu className="h-3 w-3" aria-hidden />
        {t("label", { engine: label })}
      </span>
    </Tooltip>
  );
}
