import "server-only";
import type { Db } from "@/db/client";
import type { findCompanyBySenderNumber } from "@/db/queries/companies";
import { findReplyToInbound } from "@/db/queries/inbound";
import { confirmationText, type ConfirmationCompliance } from "@/lib/compliance/confirmation";
import { applyInboundConsent } from "@/lib/compliance/consent";
import type { ConsentLanguage } from "@/lib/compliance/opt-out";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies } from "../send";

type Company = NonNullable<Awaited<ReturnType<typeof findCompanyBySenderNumber>>>;

export type ComplianceReply = ConfirmationCompliance;
/** The reply now due, in the language of the keyword the customer used. */
export type DueReply = { reply: ComplianceReply; language: ConsentLanguage };

const KIND_OF: Record<ComplianceReply, "stop" | "start" | "help"> = { opt_out_confirmation: "stop", opt_in_confirmation: "start", help: "help" };

/**
 * STOP, START, HELP or a possible opt-out (PLAT-1, lib/compliance): run in the transaction
 * that stores the message, so a stored STOP is always an applied STOP with its consent
 * record. An opt-out or opt-in is confirmed once, on the transition; HELP every time.
 */
export async function applyComplianceKeyword(
  tx: Db,
  request: { companyId: string; customerId: string; conversationId: string; messageId: string; text: string; at: Date },
): Promise<DueReply | null> {
  const outcome = await applyInboundConsent(tx, { ...request, receivedAt: request.at });
  if (outcome.action === "none" || outcome.action === "flagged" || !outcome.reply) return null;
  return { reply: outcome.reply.compliance, language: outcome.reply.language };
}

/**
 * Sends the reply due for an inbound SMS. With the inbound row's id as its source, a
 * retry after a reply that went out (but was not yet recorded as done) sends nothing twice.
 */
export async function sendComplianceReply(
  db: Db,
  { company, customerId, conversationId, due, inboundSmsId }: { company: Company; customerId: string; conversationId: string; due: DueReply; inboundSmsId?: string },
  dependencies: SendDependencies,
) {
  if (inboundSmsId && (await findReplyToInbound(db, { companyId: company.id, inboundSmsId }))) return;
  const { body, compliance } = confirmationText(KIND_OF[due.reply], due.language, company);
  await sendSms(
    db,
    { companyId: company.id, customerId, body, category: "general", source: { kind: "system", id: inboundSmsId ?? null }, compliance },
    dependencies,
  );
  publish(company.id, { type: "conversation.updated", conversationId });
}
