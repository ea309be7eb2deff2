import type { Metadata } from "next";
import { Download, FileText } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Logo } from "@/components/shell/logo";
import { getDb } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import { findAttachmentByToken } from "@/db/queries/files";
import { fileKind, isImage } from "@/lib/files/files";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("files"))("publicTitle"), robots: { index: false } };
}

/** The page a texted file link opens (EDIT-7): the photo or video itself, or a download. */
export default async function PublicFilePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const file = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await findAttachmentByToken(db, { token }) : undefined;
  if (!file?.messageId) notFound();
  const [company, customer] = await Promise.all([
    findCompany(db, { companyId: file.companyId }),
    file.customerId ? findCustomer(db, { companyId: file.companyId, customerId: file.customerId }) : undefined,
  ]);
  // In the customer's language, not the visitor's browser's.
  const t = await getTranslations({ locale: customer?.language ?? company?.locale ?? "fr", namespace: "files" });
  const src = `/f/${token}/file`;
  const kind = fileKind(file.contentType);
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col px-4 py-8">
      <header className="mb-6 flex items-center justify-between">
        <span className="text-lg font-semibold text-slate-900">{company?.name}</span>
        <Logo className="text-sm opacity-60" />
      </header>
      <div className="flex flex-1 flex-col items-center justify-center gap-6 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {isImage(file.contentType) ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={src} alt={file.fileName} className="max-h-[70dvh] max-w-full rounded-lg object-contain" />
        ) : kind === "video" ? (
          <video src={src} controls className="max-h-[70dvh] max-w-full rounded-lg" />
        ) : (
          <div className="flex flex-col items-center gap-3 py-10 text-slate-600">
            <FileText className="h-12 w-12 text-slate-400" aria-hidden />
            <p className="text-sm font-medium">{file.fileName}</p>
          </div>
        )}
        <a href={`${src}?download=1`} className="inline-flex items-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          <Download className="h-4 w-4" aria-hidden />
          {t("download", { name: file.fileName })}
        </a>
      </div>
    </main>
  );
}
