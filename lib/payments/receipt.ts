import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import type { companies, customers, paymentRequests } from "@/db/schema";
import { translatorFor } from "@/lib/i18n/translator";

/** A one-page PDF receipt (EDIT-6), in the customer's language. */
export async function receiptPdf({
  request,
  company,
  customer,
}: {
  request: typeof paymentRequests.$inferSelect;
  company: typeof companies.$inferSelect;
  customer: typeof customers.$inferSelect;
}) {
  const t = translatorFor(customer.language);
  const locale = customer.language === "fr" ? "fr-CA" : "en-CA";
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t("receipt.title")} ${request.reference}`);
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  // The standard fonts speak WinAnsi: é, è, à… yes, emoji no.
  const safe = (text: string) => text.replace(/[^\u0000-\u00ff€]/g, "");
  const amount = new Intl.NumberFormat(locale, { style: "currency", currency: request.currency }).format(request.amountCents / 100);
  const date = request.paidAt ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: company.timezone }).format(request.paidAt) : "";
  let y = 780;
  const line = (label: string, value: string, size = 12) => {
    page.drawText(safe(label), { x: 56, y, size, font: regular, color: rgb(0.4, 0.45, 0.5) });
    page.drawText(safe(value), { x: 220, y, size, font: bold, color: rgb(0.1, 0.12, 0.16) });
    y -= size + 14;
  };
  page.drawText(safe(company.name), { x: 56, y, size: 20, font: bold, color: rgb(0.09, 0.25, 0.85) });
  y -= 40;
  page.drawText(safe(t("receipt.title")), { x: 56, y, size: 16, font: bold });
  y -= 36;
  line(t("receipt.customer"), `${customer.firstName} ${customer.lastName}`.trim());
  line(t("receipt.reference"), request.reference);
  line(t("receipt.amount"), amount);
  line(t("receipt.paidOn"), date);
  line(t("receipt.payment"), request.stripePaymentIntentId ?? request.id);
  y -= 20;
  page.drawText(safe(t("receipt.thanks")), { x: 56, y, size: 12, font: regular });
  return Buffer.from(await pdf.save());
}
