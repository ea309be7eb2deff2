import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ImportStatus } from "@/lib/imports/types";

const TONES = { mapping: "yellow", pending: "neutral", running: "brand", completed: "green", failed: "red" } as const;

export function StatusBadge({ status }: { status: ImportStatus }) {
  const t = useTranslations("imports.status");
  return (
    <Badge tone={TONES[status]} data-testid="import-status" data-status={status}>
      {t(status)}
    </Badge>
  );
}
