import "server-only";
import type { Db } from "@/db/client";
import type { findCompanyBySenderNumber } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import { optInCustomer, optOutCustomer } from "@/db/queries/inbound";
import { translatorFor } from "@/lib/i18n/translator";
import { publish } from "@/lib/live/bus";
import { complianceKeyword } from "../keywords";
import { sendSms, type SendDependencies } from "../send";

type Company = NonNullable<Awaited<ReturnType<typeof findCompanyBySenderNumber>>>;

/**
 * STOP, START and HELP (PLAT-1): an opt-out or opt-in changes the customer once and is
 * confirmed once, on the transition; HELP is answered every time.
 */
export async function handleComplianceKeyword(
  db: Db,
  { company, customerId, conversationId, text, receivedAt }: { company: Company; customerId: string; conversationId: string; text: string; receivedAt: Date },
  dependencies: SendDependencies,
) {
  const keyword = complianceKeyword(text);
  if (!keyword) return;
  const customer = await findCustomer(db, { companyId: company.id, customerId });
  if (!customer) return;
  const t = translatorFor(customer.language);
  const send = (body: string, compliance: "opt_out_confirmation" | "opt_in_confirmation" | "help") =>
    sendSms(db, { companyId: company.id, customerId, body, category: "general", source: { kind: "system" }, compliance }, dependencies);
  // Messages are plain text here: the company name may contain braces.
  const plain = (value: string) => value.replace(/[{}]/g, "");
  if (keyword === "stop") {
    if (await optOutCustomer(db, { companyId: company.id, customerId, at: receivedAt })) {
      await send(plain(t("sms.optedOut", { company: company.name })), "opt_out_confirmation");
    }
  } else if (keyword === "start") {
    // Only the customer can undo their STOP, by texting START.
    if (await optInCustomer(db, { companyId: company.id, customerId })) {
      await send(plain(t("sms.optedIn", { company: company.name })), "opt_in_confirmation");
    }
  } else {
    await send(plain(company.helpText || t("sms.help", { company: company.name, phone: company.senderNumber ?? "" })), "help");
  }
  publish(company.id, { type: "conversation.updated", conversationId });
}
