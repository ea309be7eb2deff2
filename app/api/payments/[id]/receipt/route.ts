import { z } from "zod";
import { findPaymentRequest } from "@/db/queries/payments";
import { getSessionContext } from "@/lib/auth/session";
import { receiptResponse } from "@/lib/payments/receipt-response";

export const dynamic = "force-dynamic";

/** Staff download a receipt of their company. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return new Response("Not found", { status: 404 });
  const request = await findPaymentRequest(session.db, { companyId: session.companyId, paymentRequestId: id });
  return receiptResponse(session.db, request);
}
