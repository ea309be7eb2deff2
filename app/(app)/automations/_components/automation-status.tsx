import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const TONES = { active: "green", paused: "yellow", draft: "neutral", archived: "neutral" } as const;

/** An automation's status: active (the engine runs it), paused, draft or archived. */
export function AutomationStatus({ status }: { status: string }) {
  const t = useTranslations("automations");
  return (
    <Badge tone={TONES[status as keyof typeof TONES] ?? "neutral"} data-testid="automation-status">
      {status === "active" ? <span className="h-1.5 w-1.5 rounded-full bg-emerald-500" aria-hidden /> : null}
      {t(`status.${status}`)}
    </Badge>
  );
}
