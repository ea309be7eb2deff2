import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/** A titled card with its "Export CSV" link (the same range, one table). */
export async function ReportSection({ title, csvHref, testId, className, children }: { title: string; csvHref?: string; testId: string; className?: string; children: ReactNode }) {
  const t = await getTranslations("reports");
  return (
    <Card className={cn("overflow-hidden", className)} data-testid={testId}>
      <CardHeader
        title={title}
        action={csvHref ? <CsvLink href={csvHref} label={t("exportCsvLabel", { table: title })} /> : null}
      />
      {children}
    </Card>
  );
}

/** A download of one table as CSV, for the period on screen. */
export async function CsvLink({ href, label }: { href: string; label: string }) {
  const t = await getTranslations("reports");
  return (
    <a
      href={href}
      download
      aria-label={label}
      className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg bg-white px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
    >
      <Download className="h-4 w-4" aria-hidden />
      {t("exportCsv")}
    </a>
  );
}

export type BreakdownRow = { id: string; name: string; cells: string[] };

/** Per user or per team; scrolls sideways on a phone rather than squeezing the columns. */
export function BreakdownTable({ headers, rows, empty, testId }: { headers: string[]; rows: BreakdownRow[]; empty: string; testId: string }) {
  if (rows.length === 0) return <p className="px-5 py-6 text-sm text-slate-500 sm:px-6">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
          <tr>
            {headers.map((header, i) => (
              <th key={header} scope="col" className={i === 0 ? "px-5 py-2 sm:px-6" : "px-3 py-2 text-right"}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-5 py-2.5 text-left font-medium text-slate-900 sm:px-6">
                {row.name}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i} className="px-3 py-2.5 text-right text-slate-700 tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
