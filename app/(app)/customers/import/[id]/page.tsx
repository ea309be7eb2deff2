import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { listGroupChoices } from "@/db/queries/groups";
import { findImport } from "@/db/queries/imports";
import type { ImportKind, ImportMapping } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { findCompany } from "@/db/queries/companies";
import { importableAttributes } from "@/lib/imports/imports";
import { guessMapping, IMPORT_KINDS } from "@/lib/imports/mapping";
import { importProgress } from "@/lib/imports/run";
import { ImportForbidden, ImportShell } from "../import-shell";
import { ImportProgress } from "../import-progress";
import { MappingForm } from "../mapping-form";

type Props = { params: Promise<{ id: string }> };

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function CustomerImportRunPage({ params }: Props) {
  const { id } = await params;
  const { db, companyId, role, permissions } = await requireSession();
  if (!can({ role, permissions }, "importCustomers")) return <ImportForbidden />;
  if (!isUuid(id)) notFound();
  const job = await findImport(db, { companyId, importId: id });
  if (!job) notFound();
  const t = await getTranslations("imports");
  if (job.status === "mapping") {
    const [attributes, company, groups] = await Promise.all([
      importableAttributes(db, companyId),
      findCompany(db, { companyId }),
      can({ role, permissions }, "manageGroups") ? listGroupChoices(db, { companyId, kind: "static" }) : [],
    ]);
    const guesses = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, kind === job.kind && job.mapping ? job.mapping : guessMapping(job.columns, attributes, kind)])) as Record<ImportKind, ImportMapping>;
    return (
      <ImportShell title={t("mapping.title")} description={t("mapping.description", { count: job.totalRows, file: job.fileName })}>
        <MappingForm
          importId={job.id}
          columns={job.columns}
          initialKind={job.kind}
          guesses={guesses}
          attributes={attributes.map(({ key, label, category }) => ({ key, label, category }))}
          hasHeader={job.hasHeader === "yes"}
          timeZone={company!.timezone}
          groups={groups}
        />
      </ImportShell>
    );
  }
  return (
    <ImportShell title={t("progress.title", { file: job.fileName })}>
      <ImportProgress
        initial={importProgress(job)}
        failureReason={job.failureReason}
        kind={job.kind}
      />
    </ImportShell>
  );
}
