import "server-only";
import type { Db } from "@/db/client";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import type { Confirmation } from "./confirmation";

/** Sends a STOP/START/HELP confirmation through the one sending gate, which lets it reach an opted-out number. */
export async function sendConsentReply(
  db: Db,
  { companyId, customerId, reply }: { companyId: string; customerId: string; reply: Confirmation },
  dependencies: SendDependencies = {},
) {
  return sendSms(db, { companyId, customerId, body: reply.body, category: "general", source: { kind: "system" }, compliance: reply.compliance }, dependencies);
}
