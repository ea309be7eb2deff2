import type { Metadata } from "next";
import { Inbox, Paperclip } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Logo } from "@/components/shell/logo";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { requireDevTool } from "@/lib/auth/dev-tools";
import { listOutbox } from "@/lib/email/mailer";
import { Linkified } from "./linkified";
import { SendReportEmails } from "./send-report-emails";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function OutboxPage() {
  const { db } = await requireDevTool("outbox");
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const emails = await listOutbox(db);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <div className="mb-6 flex items-center justify-between">
        <Logo />
        <span className="rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium text-amber-800">{t("devOnly")}</span>
      </div>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-500">{t("description")}</p>
      <SendReportEmails />
      {emails.length === 0 ? (
        <Card>
          <EmptyState icon={<Inbox className="h-6 w-6" />} title={t("empty")} />
        </Card>
      ) : (
        <div className="space-y-4">
          {emails.map((email) => (
            <Card key={email.id} className="overflow-hidden" data-testid="outbox-email">
              <div className="border-b border-slate-100 px-5 py-3">
                <p className="text-sm font-semibold text-slate-900">{email.subject}</p>
                <p className="text-xs text-slate-500">
                  {t("to")} {email.to} · {format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
              </div>
              <pre className="px-5 py-4 font-sans text-sm whitespace-pre-wrap text-slate-700">
                <Linkified text={email.text} />
              </pre>
              {email.attachments.length ? (
                <ul className="flex flex-wrap gap-2 border-t border-slate-100 px-5 py-3" aria-label={t("attachments")}>
                  {email.attachments.map((file, index) => (
                    <li key={file.storageKey}>
                      <a
                        href={`/dev/outbox/${email.id}/${index}`}
                        target="_blank"
                        rel="noreferrer"
                        className="inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50"
                        data-testid="outbox-attachment"
                      >
                        <Paperclip className="h-4 w-4" aria-hidden />
                        {file.fileName}
                        <span className="text-xs text-slate-500">{t("attachmentSize", { size: format.number(Math.max(1, Math.round(file.sizeBytes / 1024))) })}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {Object.keys(email.headers).length ? (
                <dl className="border-t border-slate-100 px-5 py-3 font-mono text-xs text-slate-500" aria-label={t("headers")} data-testid="outbox-headers">
                  {Object.entries(email.headers).map(([name, value]) => (
                    <div key={name} className="break-all">
                      <dt className="inline font-semibold text-slate-600">{name}:</dt> <dd className="inline">{value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {email.html ? (
                <details className="border-t border-slate-100 px-5 py-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("showHtml")}</summary>
                  {/* sandbox without scripts: the email's HTML is shown as a mail client would, never run */}
                  <iframe title={email.subject} srcDoc={email.html} sandbox="" className="mt-3 h-[32rem] w-full rounded-lg ring-1 ring-slate-200" />
                </details>
              ) : null}
            </Card>
          ))}
        </div>
      )}
    </main>
  );
}
