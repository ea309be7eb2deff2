import { Cpu } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** Where background work runs: a detail of the installation, said in words, with what it means. */
export async function EngineBadge({ engine }: { engine: string }) {
  const t = await getTranslations("engine");
  const value = t.has(`system.value.${engine}`) ? t(`system.value.${engine}`) : engine;
  return (
    <Card id="installation">
      <CardHeader title={t("system.title")} description={t("system.description")} />
      <CardBody>
        <div className="flex items-start gap-3 text-sm">
          <Cpu className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
          <dl className="min-w-0">
            <dt className="text-slate-500">{t("system.label")}</dt>
            <dd className="font-medium text-slate-900" data-testid="engine-badge">
              {value}
            </dd>
            <dd className="mt-0.5 text-slate-500">{t(`help.${engine === "in-process" ? "inProcess" : "inngest"}`)}</dd>
          </dl>
        </div>
      </CardBody>
    </Card>
  );
}
