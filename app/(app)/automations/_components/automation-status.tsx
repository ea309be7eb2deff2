import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/**
 * No engine runs automations yet, so an "active" one must not claim to be running:
 * it is shown as switched on but not running; paused and draft keep their own words.
 */
export function AutomationStatus({ status }: { status: string }) {
  const t = useTranslations("automations");
  if (status === "active") return <Badge tone="neutral" title={t("notRunningHint")}>{t("notRunning")}</Badge>;
  return <Badge tone={status === "paused" ? "yellow" : "neutral"}>{t(`status.${status}`)}</Badge>;
}
