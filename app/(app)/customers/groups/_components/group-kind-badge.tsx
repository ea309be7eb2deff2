import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export function GroupKindBadge({ kind }: { kind: "dynamic" | "static" }) {
  const t = useTranslations("groups.kind");
  return <Badge tone={kind === "dynamic" ? "brand" : "neutral"}>{t(kind)}</Badge>;
}
