import "server-only";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import type { PaymentRequestRow } from "@/db/queries/payments";
import { receiptPdf } from "./receipt";

/** The receipt of a paid request as a PDF download; 404 while unpaid. */
export async function receiptResponse(db: Db, request: PaymentRequestRow | undefined) {
  if (!request || request.status !== "paid") return new Response("Not found", { status: 404 });
  const [company, customer] = await Promise.all([
    findCompany(db, { companyId: request.companyId }),
    findCustomer(db, { companyId: request.companyId, customerId: request.customerId }),
  ]);
  const pdf = await receiptPdf({ request, company: company!, customer: customer! });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="receipt-${request.reference.replace(/[^\w.-]/g, "_")}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
