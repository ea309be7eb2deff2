import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/db/client";
import {
  claimConversationExport,
  conversationExportStatus,
  failConversationExport,
  listStalledConversationExports,
  markConversationExportReady,
  type ConversationExportRow,
} from "@/db/queries/conversation-exports";
import { findCompanyUser } from "@/db/queries/users";
import { defaultMailer, type Mailer } from "@/lib/email/mailer";
import { renderActionEmail } from "@/lib/email/templates/render";
import { env } from "@/lib/env";
import { defaultStorage, type FileStorage } from "@/lib/files/storage";
import { translatorFor } from "@/lib/i18n/translator";
import { publish } from "@/lib/live/bus";
import { announceNotifications, recordNotifications } from "@/lib/notifications/notify";
import { LINK_DAYS, signedDownloadUrl } from "./download-link";
import { buildConversationPdf } from "./pdf";

/** Larger PDFs go by a download link: many mail servers refuse big attachments. */
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type RunExportOptions = { mailer?: Mailer; storage?: FileStorage; appUrl?: string; maxAttachmentBytes?: number; now?: Date };
export type RunExportOutcome = "done" | "busy";

function announce(job: ConversationExportRow) {
  publish(job.companyId, { type: "conversation_export.updated", exportId: job.id, conversationId: job.conversationId, userId: job.requestedByUserId, status: job.status, pageCount: job.pageCount });
}

const fileNameFor = (customer: string, now: Date) =>
  `conversation-${customer.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "export"}-${now.toISOString().slice(0, 10)}.pdf`;

/**
 * Builds one export's PDF and emails it to its requester, once: the row is claimed first,
 * so a repeated event, the sweep or a second worker finds it taken or finished.
 */
export async function runConversationExport(db: Db, exportId: string, options: RunExportOptions = {}): Promise<RunExportOutcome> {
  const job = await claimConversationExport(db, { exportId });
  if (!job) return (await conversationExportStatus(db, { exportId })) === "running" ? "busy" : "done";
  announce(job);
  const { mailer = defaultMailer(), storage = defaultStorage(), appUrl = env().APP_URL, maxAttachmentBytes = MAX_ATTACHMENT_BYTES, now = new Date() } = options;
  try {
    const requester = await findCompanyUser(db, { companyId: job.companyId, userId: job.requestedByUserId });
    if (!requester) throw new Error("the requester left the company");
    // Queued a while ago: the conversation goes out by email only if they may still export it.
    if (!can(requester, "exportConversations")) throw new Error("the requester may no longer export conversations");
    const built = await buildConversationPdf(db, {
      companyId: job.companyId,
      conversationId: job.conversationId,
      range: { from: job.from, to: job.to },
      includeNotes: job.includeNotes,
      locale: requester.language,
      requesterName: requester.name,
      now,
    });
    const t = translatorFor(requester.language);
    const fileName = fileNameFor(built.customer, now);
    const words = { name: requester.name, customer: built.customer, period: built.period, pages: built.pageCount };
    const large = built.pdf.length > maxAttachmentBytes;
    const storageKey = large ? `exports/${job.companyId}/${job.id}.pdf` : null;
    if (storageKey) await storage.put(storageKey, built.pdf, "application/pdf");
    const email = await renderActionEmail({
      locale: requester.language,
      subject: t("conversationExport.email.subject", { customer: built.customer }),
      heading: t("conversationExport.email.heading", { customer: built.customer }),
      paragraphs: [large ? t("conversationExport.email.linked", { ...words, size: (built.pdf.length / 1024 / 1024).toFixed(1) }) : t("conversationExport.email.attached", words)],
      action: large ? { label: t("conversationExport.email.download"), href: signedDownloadUrl(appUrl, job.id, now) } : undefined,
      note: large ? t("conversationExport.email.linkNote", { days: LINK_DAYS }) : undefined,
    });
    await mailer.send({
      to: requester.email,
      ...email,
      attachments: large ? [] : [{ fileName, contentType: "application/pdf", content: built.pdf }],
    });
    const { ready, recipients } = await db.transaction(async (tx) => {
      const ready = await markConversationExportReady(tx, { companyId: job.companyId, exportId: job.id, pageCount: built.pageCount, byteSize: built.pdf.length, storageKey });
      const recipients = ready
        ? await recordNotifications(tx, {
            companyId: job.companyId,
            userIds: [job.requestedByUserId],
            kind: "conversation.export_ready",
            data: { exportId: job.id, customer: built.customer, pages: built.pageCount },
            link: `/conversations/${job.conversationId}`,
          })
        : [];
      return { ready, recipients };
    });
    announceNotifications(job.companyId, recipients);
    if (ready) announce(ready);
  } catch (error) {
    console.error("[conversation-exports] export failed", job.id, error);
    const failed = await failConversationExport(db, { companyId: job.companyId, exportId: job.id, error: "conversationExport.errors.buildFailed" });
    if (failed) announce(failed);
  }
  return "done";
}

/** The sweep: exports nothing picked up, or whose runner stopped. */
export async function processPendingConversationExports(db: Db, options: RunExportOptions = {}) {
  const due = await listStalledConversationExports(db);
  let done = 0;
  for (const { id } of due) if ((await runConversationExport(db, id, options)) === "done") done++;
  return { exports: due.length, done };
}
