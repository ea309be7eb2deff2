import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { CampaignStatus as Status } from "@/db/schema";

const TONES = { draft: "neutral", scheduled: "brand", sending: "green", paused: "yellow", completed: "neutral", cancelled: "red" } as const;

/** A campaign's status: draft, scheduled, sending (a live dot), paused, completed or cancelled. */
export function CampaignStatus({ status }: { status: Status }) {
  const t = useTranslations("campaigns.status");
  return (
    <Badge tone={TONES[status]} data-testid="campaign-status" data-status={status}>
      {status === "sending" ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-emerald-500" aria-hidden /> : null}
      {t(status)}
    </Badge>
  );
}
