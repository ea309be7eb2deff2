import type { Metadata } from "next";
import { FileSpreadsheet } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { listRecentImports } from "@/db/queries/imports";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { ImportForbidden, ImportShell } from "./import-shell";
import { StatusBadge } from "./status-badge";
import { UploadZone } from "./upload-zone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function CustomerImportPage() {
  const { db, companyId, role, permissions } = await requireSession();
  if (!can({ role, permissions }, "importCustomers")) return <ImportForbidden />;
  const [t, format, recent] = await Promise.all([getTranslations("imports"), getFormatter(), listRecentImports(db, { companyId, limit: 10 })]);
  const maxMb = env().MAX_UPLOAD_MB;
  return (
    <ImportShell title={t("title")} description={t("description")}>
      <Card>
        <CardHeader title={t("upload.title")} description={t("upload.description", { max: maxMb })} />
        <div className="px-5 py-5 sm:px-6">
          <UploadZone maxMb={maxMb} />
          <p className="mt-4 text-sm text-slate-500">{t("upload.hint")}</p>
        </div>
      </Card>
      <Card className="overflow-hidden">
        <CardHeader title={t("recent.title")} />
        {recent.length === 0 ? (
          <EmptyState icon={<FileSpreadsheet className="h-6 w-6" />} title={t("recent.emptyTitle")} description={t("recent.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="recent-imports">
            {recent.map((row) => (
              <li key={row.id}>
                <Link href={`/customers/import/${row.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3 hover:bg-slate-50 sm:px-6">
                  <FileSpreadsheet className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-slate-900">{row.fileName}</span>
                    <span className="block text-xs text-slate-500">
                      {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {t("recent.rows", { count: row.totalRows })}
                      {row.status === "completed" ? ` · ${t("recent.counts", { created: format.number(row.createdRows), updated: format.number(row.updatedRows), errors: format.number(row.errorRows) })}` : null}
                    </span>
                  </span>
                  <StatusBadge status={row.status} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </ImportShell>
  );
}
