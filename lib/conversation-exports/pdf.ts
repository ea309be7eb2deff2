import "server-only";
import PDFDocument from "pdfkit";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { listExportMessages, listExportNotes, type ExportRange } from "@/db/queries/conversation-exports";
import { getConversationDetail, listAttachmentsOf } from "@/db/queries/inbox";
import type { Locale, MessageSourceKind } from "@/db/schema";
import { NotFoundError } from "@/lib/actions/errors";
import { customerName } from "@/lib/customers/display";
import { translatorFor } from "@/lib/i18n/translator";
import { formatPhone } from "@/lib/phone";
import { BODY_FONT, BOLD_FONT, fontFiles, fontRuns } from "./fonts";

export type ExportRequest = {
  companyId: string;
  conversationId: string;
  range: ExportRange;
  includeNotes: boolean;
  locale: Locale;
  requesterName: string;
  now?: Date;
};

type Doc = PDFKit.PDFDocument;
type Item = { at: Date; id: string; kind: "message" | "note"; heading: string; body: string; files: string[] };

const PAGE_SIZE = 500;
const MARGIN = 50;
const FOOTER = 40;
const GREY = "#64748b";
const AMBER = "#b45309";
const INK = "#0f172a";

/** Text in the given font, with any emoji drawn in the emoji font. */
function write(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions & { font?: string } = {}) {
  const { font = BODY_FONT, ...textOptions } = options;
  const runs = fontRuns(text || " ", font);
  runs.forEach((run, index) => doc.font(run.font).text(run.text, { ...textOptions, continued: index < runs.length - 1 }));
}

/** The PDF of a conversation (CONV-14), laid out by pdfkit: header, then messages (and notes) oldest first, numbered pages. */
export async function buildConversationPdf(db: Db, request: ExportRequest): Promise<{ pdf: Buffer; pageCount: number; customer: string; period: string }> {
  const { companyId, conversationId, range, includeNotes, locale } = request;
  const [company, detail] = await Promise.all([findCompany(db, { companyId }), getConversationDetail(db, { companyId, conversationId })]);
  if (!company || !detail) throw new NotFoundError();
  const t = translatorFor(locale);
  const tag = locale === "fr" ? "fr-CA" : "en-CA";
  const day = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: company.timezone });
  const time = new Intl.DateTimeFormat(tag, { timeStyle: "short", timeZone: company.timezone });
  const customer = customerName(detail.customer);

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    bufferPages: true,
    info: { Title: t("conversationExport.pdf.documentTitle", { name: customer }), Author: company.name, Creator: "Parley" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  for (const [name, file] of fontFiles()) doc.registerFont(name, file);

  const stamp = (at: Date) => `${day.format(at)} · ${time.format(at)}`;
  const lastDay = range.to ? new Date(range.to.getTime() - 1) : null;
  const period = range.from && lastDay
    ? t("conversationExport.pdf.between", { from: day.format(range.from), to: day.format(lastDay) })
    : range.from
      ? t("conversationExport.pdf.since", { from: day.format(range.from) })
      : lastDay
        ? t("conversationExport.pdf.until", { to: day.format(lastDay) })
        : t("conversationExport.pdf.whole");

  write(doc, company.name, { font: BOLD_FONT });
  doc.fontSize(18).fillColor(INK);
  write(doc, t("conversationExport.pdf.title"), { font: BOLD_FONT });
  doc.moveDown(0.3).fontSize(11);
  write(doc, t("conversationExport.pdf.customerLine", { name: customer, phone: formatPhone(detail.customer.mobile) || "—" }));
  write(doc, t("conversationExport.pdf.period", { period }));
  doc.fillColor(GREY).fontSize(9);
  write(doc, t("conversationExport.pdf.generated", { date: stamp(request.now ?? new Date()), name: request.requesterName }));
  doc.moveDown(0.6).moveTo(MARGIN, doc.y).lineTo(doc.page.width - MARGIN, doc.y).strokeColor("#e2e8f0").stroke().moveDown(0.8);

  const senderOf = (message: Awaited<ReturnType<typeof listExportMessages>>[number]) => {
    if (message.direction === "inbound") return t("conversationExport.pdf.senders.customer", { name: customer });
    if (message.senderName) return t("conversationExport.pdf.senders.staff", { name: message.senderName });
    if (message.sourceKind === "automation" || message.sourceKind === "automation_test") return t("conversationExport.pdf.senders.automation");
    if (message.sourceKind === "campaign") return t("conversationExport.pdf.senders.campaign");
    return t("conversationExport.pdf.senders.system");
  };
  const sourceOf = (kind: MessageSourceKind) => t(`conversationExport.pdf.source.${kind}`);

  const drawItem = (item: Item) => {
    // Keep a heading with at least a line of its text.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const note = item.kind === "note";
    doc.fontSize(8.5).fillColor(note ? AMBER : GREY);
    write(doc, item.heading, { font: note ? BOLD_FONT : BODY_FONT });
    doc.fontSize(10.5).fillColor(INK);
    write(doc, item.body, note ? { indent: 10 } : {});
    if (item.files.length) {
      doc.fontSize(8.5).fillColor(GREY);
      write(doc, t("conversationExport.pdf.attachments", { files: item.files.join(", ") }));
    }
    doc.moveDown(0.7);
  };

  const notes = includeNotes ? await listExportNotes(db, { companyId, conversationId, range }) : [];
  const noteFiles = await filesByOwner(db, companyId, [], notes.map((note) => note.id));
  const noteItems: Item[] = notes.map((note) => ({
    at: note.createdAt,
    id: note.id,
    kind: "note",
    heading: [t("conversationExport.pdf.internalNote").toUpperCase(), stamp(note.createdAt), note.authorName ?? t("conversationExport.pdf.senders.system")].join(" · "),
    body: note.body,
    files: noteFiles.get(note.id) ?? [],
  }));
  let nextNote = 0;
  const drawNotesBefore = (at: Date | null) => {
    while (nextNote < noteItems.length && (!at || noteItems[nextNote]!.at <= at)) drawItem(noteItems[nextNote++]!);
  };

  let after: { createdAt: Date; id: string } | null = null;
  let drawn = 0;
  for (;;) {
    const page = await listExportMessages(db, { companyId, conversationId, range, after, limit: PAGE_SIZE });
    const files = await filesByOwner(db, companyId, page.map((message) => message.id), []);
    for (const message of page) {
      drawNotesBefore(message.createdAt);
      drawItem({
        at: message.createdAt,
        id: message.id,
        kind: "message",
        heading: [stamp(message.createdAt), senderOf(message), sourceOf(message.sourceKind), t(`thread.status.${message.status}`)].join(" · "),
        body: message.body,
        files: files.get(message.id) ?? [],
      });
    }
    drawn += page.length;
    if (page.length < PAGE_SIZE) break;
    const last = page.at(-1)!;
    after = { createdAt: last.createdAt, id: last.id };
  }
  drawNotesBefore(null);
  if (drawn === 0 && noteItems.length === 0) {
    doc.fontSize(10.5).fillColor(GREY);
    write(doc, t("conversationExport.pdf.empty"));
  }

  const pages = doc.bufferedPageRange();
  for (let index = 0; index < pages.count; index++) {
    doc.switchToPage(pages.start + index);
    // The footer sits in the bottom margin: lift the margin so pdfkit does not start a new page for it.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(BODY_FONT).fontSize(8.5).fillColor(GREY);
    doc.text(t("conversationExport.pdf.page", { page: index + 1, count: pages.count }), MARGIN, doc.page.height - MARGIN, { width: doc.page.width - 2 * MARGIN, align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pageCount: pages.count, customer, period };
}

/** File names per message or note, in one query for a page of them. */
async function filesByOwner(db: Db, companyId: string, messageIds: string[], noteIds: string[]) {
  const byOwner = new Map<string, string[]>();
  for (const file of await listAttachmentsOf(db, { companyId, messageIds, noteIds })) {
    const owner = file.messageId ?? file.noteId;
    if (owner) byOwner.set(owner, [...(byOwner.get(owner) ?? []), file.fileName]);
  }
  return byOwner;
}
