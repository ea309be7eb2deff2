import { getDb } from "@/db/client";
import { findPaymentRequestByToken } from "@/lib/payments/payments";
import { receiptResponse } from "@/lib/payments/receipt-response";

export const dynamic = "force-dynamic";

/** The customer downloads their receipt with the same secure link. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  return receiptResponse(db, /^[A-Za-z0-9_-]{10,64}$/.test(token) ? await findPaymentRequestByToken(db, token) : undefined);
}
