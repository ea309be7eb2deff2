import { translatorFor } from "@/lib/i18n/translator";
import type { ConsentLanguage } from "./opt-out";

export type ConfirmationKind = "stop" | "start" | "help";
/** How the sending gate knows a confirmation may reach an opted-out customer. */
export type ConfirmationCompliance = "opt_out_confirmation" | "opt_in_confirmation" | "help";
export type Confirmation = { body: string; compliance: ConfirmationCompliance; language: ConsentLanguage };

type Sender = { name: string; helpText?: string | null; senderNumber?: string | null };

const COMPLIANCE: Record<ConfirmationKind, ConfirmationCompliance> = {
  stop: "opt_out_confirmation",
  start: "opt_in_confirmation",
  help: "help",
};

// Sent as plain text, not a template: a company name may contain braces.
const plain = (text: string) => text.replace(/[{}]/g, "");

/**
 * The STOP / START / HELP answer, in the language of the keyword the customer used
 * ("ARRÊT" → French, "REVOKE" → English). A company's own help text wins for HELP.
 */
export function confirmationText(kind: ConfirmationKind, language: ConsentLanguage, company: Sender): Confirmation {
  const t = translatorFor(language);
  const body =
    kind === "stop"
      ? t("sms.optedOut", { company: company.name })
      : kind === "start"
        ? t("sms.optedIn", { company: company.name })
        : company.helpText || t("sms.help", { company: company.name, phone: company.senderNumber ?? "" });
  return { body: plain(body), compliance: COMPLIANCE[kind], language };
}
