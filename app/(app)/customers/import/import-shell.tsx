import { ShieldAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { BackLink, EmptyState } from "@/components/ui/page-header";

/** The frame of the import pages: a way back to the customers, the title, the content. */
export async function ImportShell({ title, description, children }: { title: ReactNode; description?: ReactNode; children: ReactNode }) {
  const t = await getTranslations("imports");
  return (
    <div className="pb-10">
      <BackLink href="/customers">{t("back")}</BackLink>
      <div className="px-4 pt-3 pb-5 sm:px-6 lg:px-8">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      </div>
      <div className="space-y-6 px-4 sm:px-6 lg:max-w-5xl lg:px-8">{children}</div>
    </div>
  );
}

/** What an agent sees: imports are for administrators. */
export async function ImportForbidden() {
  const t = await getTranslations("imports");
  return (
    <ImportShell title={t("title")}>
      <Card data-testid="import-forbidden">
        <EmptyState
          icon={<ShieldAlert className="h-6 w-6" />}
          title={t("forbiddenTitle")}
          description={t("forbiddenDescription")}
          action={
            <Button asChild variant="secondary">
              <Link href="/customers">{t("back")}</Link>
            </Button>
          }
        />
      </Card>
    </ImportShell>
  );
}
