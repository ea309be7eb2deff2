import "server-only";
import type { Db } from "@/db/client";
import type { findCompanyBySenderNumber } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import { findReplyToInbound, optInCustomer, optOutCustomer } from "@/db/queries/inbound";
import { translatorFor } from "@/lib/i18n/translator";
import { publish } from "@/lib/live/bus";
import { complianceKeyword } from "../keywords";
import { sendSms, type SendDependencies } from "../send";

type Company = NonNullable<Awaited<ReturnType<typeof findCompanyBySenderNumber>>>;

export type ComplianceReply = "opt_out_confirmation" | "opt_in_confirmation" | "help";

/**
 * STOP, START and HELP (PLAT-1), the part that changes the customer: run in the
 * transaction that stores the message, so a stored STOP is always an applied STOP. An
 * opt-out or opt-in is confirmed once, on the transition; HELP is answered every time.
 * Returns the reply now due.
 */
export async function applyComplianceKeyword(
  tx: Db,
  { companyId, customerId, text, at }: { companyId: string; customerId: string; text: string; at: Date },
): Promise<ComplianceReply | null> {
  const keyword = complianceKeyword(text);
  if (keyword === "stop") return (await optOutCustomer(tx, { companyId, customerId, at })) ? "opt_out_confirmation" : null;
  // Only the customer can undo their STOP, by texting START.
  if (keyword === "start") return (await optInCustomer(tx, { companyId, customerId })) ? "opt_in_confirmation" : null;
  return keyword === "help" ? "help" : null;
}

/**
 * Sends the reply due for an inbound SMS. With the inbound row's id as its source, a
 * retry after a reply that went out (but was not yet recorded as done) sends nothing twice.
 */
export async function sendComplianceReply(
  db: Db,
  { company, customerId, conversationId, reply, inboundSmsId }: { company: Company; customerId: string; conversationId: string; reply: ComplianceReply; inboundSmsId?: string },
  dependencies: SendDependencies,
) {
  if (inboundSmsId && (await findReplyToInbound(db, { companyId: company.id, inboundSmsId }))) return;
  const customer = await findCustomer(db, { companyId: company.id, customerId });
  if (!customer) return;
  const t = translatorFor(customer.language);
  // Messages are plain text here: the company name may contain braces.
  const plain = (value: string) => value.replace(/[{}]/g, "");
  const body =
    reply === "opt_out_confirmation"
      ? t("sms.optedOut", { company: company.name })
      : reply === "opt_in_confirmation"
        ? t("sms.optedIn", { company: company.name })
        : company.helpText || t("sms.help", { company: company.name, phone: company.senderNumber ?? "" });
  await sendSms(
    db,
    { companyId: company.id, customerId, body: plain(body), category: "general", source: { kind: "system", id: inboundSmsId ?? null }, compliance: reply },
    dependencies,
  );
  publish(company.id, { type: "conversation.updated", conversationId });
}
