import "server-only";
import { nudgeWebhookDelivery, recordWebhookEvent } from "@/lib/webhooks/record";
import type { Db } from "@/db/client";
import { attributeDefinitions } from "@/db/queries/attributes";
import { findCompany } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import { findMessage, insertOutboundMessage, setMessageSegments, type MessageRow } from "@/db/queries/messages";
import { findCompanyUser } from "@/db/queries/users";
import type { MessageSourceKind } from "@/db/schema";
import { defaultAssignee, type Assignee } from "@/lib/conversations/routing";
import { ensureActiveConversation, recordMessageOnConversation } from "@/lib/conversations/thread";
import { publish } from "@/lib/live/bus";
import { TemplateSyntaxError } from "@/lib/templates/parse";
import { renderTemplate } from "@/lib/templates/render";
import { attributeTypesByPath, templateValues, type TemplateSubjects } from "@/lib/templates/context";
import { countSegments } from "./segments";
import { attachUploads, publicFileUrl } from "@/lib/files/files";
import { withFileLinks } from "@/lib/files/links";
import { env } from "@/lib/env";
import { appendOptOutFooter } from "@/lib/campaigns/footer";
import { sendRefusal, type MessageCategory, type SendRefusal } from "./sendability";
import { defaultSmsProvider } from "./sms";
import { SmsSendError, type SmsProvider } from "./sms/provider";
import { applyStatusReport } from "./status";

export type SendRequest = {
  companyId: string;
  customerId: string;
  /** Template source: `{ customer.first_name }` tokens are filled in here. */
  body: string;
  category: MessageCategory;
  source: { kind: MessageSourceKind; id?: string | null };
  /** The user who wrote it (manual sends carry their signature). */
  senderUserId?: string | null;
  /** Who gets the conversation if this message starts one; default: the company rule. */
  assignTo?: Assignee;
  /** Extra template subjects (the appointment a reminder is about…). */
  subjects?: Pick<TemplateSubjects, "appointment" | "event">;
  /** The text before translation, kept on the message (EDIT-12). */
  original?: { body: string; language: string | null };
  /**
   * The only messages a number that texted STOP may still get: the one confirmation of
   * that opt-out, and answers to HELP.
   */
  compliance?: "opt_out_confirmation" | "opt_in_confirmation" | "help";
  /** Uploaded files: each goes as a link to a public page with an unguessable token (EDIT-7). */
  attachmentIds?: string[];
  /** Public links of files many messages share (a campaign's): added after the attached files' links, not claimed. */
  fileLinks?: string[];
  /** Sign it like a manual send (a scheduled message written by a person). */
  sign?: boolean;
  /** A marketing campaign's text ends with the company's name and how to unsubscribe (CASL). */
  optOutFooter?: boolean;
};

export type SentMessage = MessageRow;
export type SendOutcome = { ok: true; message: SentMessage } | { ok: false; reason: SendRefusal; detail?: string };

export type SendDependencies = { provider?: SmsProvider; now?: Date };

import { withSignature, type Signer } from "./signature";
export { signatureLine, withSignature } from "./signature";

type RenderInput = {
  company: NonNullable<TemplateSubjects["company"]> & { id: string; name: string; timezone: string };
  customer: NonNullable<TemplateSubjects["customer"]> & { language: TemplateSubjects["locale"] };
  body: string;
  sender?: (NonNullable<TemplateSubjects["user"]> & Signer) | null;
  signed?: boolean;
  optOutFooter?: boolean;
  subjects?: SendRequest["subjects"];
};

/**
 * The exact text a customer receives for a template (before file links): tokens filled
 * in, signed, the opt-out footer added. The gate and the dry runs both use it, so what
 * staff preview is what is sent.
 */
export async function renderSmsText(db: Db, input: RenderInput): Promise<RenderedSms> {
  // Only a text with a custom attribute needs their types (money reads as money).
  const definitions = /\{/.test(input.body) ? await attributeDefinitions(db, { companyId: input.company.id }) : [];
  return renderSmsTextWith(definitions, input);
}

export type RenderedSms = { ok: true; text: string } | { ok: false; reason: "template_error" | "empty_message"; detail?: string };
export type AttributeDefinitions = Awaited<ReturnType<typeof attributeDefinitions>>;

/** renderSmsText with the company's attribute definitions already loaded (a campaign batch renders hundreds). */
export function renderSmsTextWith(definitions: AttributeDefinitions, input: RenderInput): RenderedSms {
  const { company, customer, sender } = input;
  let text: string;
  try {
    text = renderTemplate(input.body, templateValues({
      locale: customer.language,
      timeZone: company.timezone,
      customer,
      company,
      user: sender ?? null,
      attributeTypes: attributeTypesByPath(definitions),
      ...input.subjects,
    })).trim();
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { ok: false, reason: "template_error", detail: error.snippet };
    throw error;
  }
  if (!text) return { ok: false, reason: "empty_message" };
  if (sender && input.signed) text = withSignature(text, sender);
  if (input.optOutFooter) text = appendOptOutFooter(text, { companyName: company.name, locale: customer.language });
  return { ok: true, text };
}

/** What the customer's phone shows: the text, then a link per file; and its segments. */
export function smsWithLinks(text: string, links: string[]) {
  const withLinks = withFileLinks(text, links);
  return { withLinks, ...countSegments(withLinks), preview: links.length ? `📎 ${text}` : text };
}

/** The message.sent webhook event's data. */
export function messageSentPayload(message: Pick<MessageRow, "id" | "conversationId" | "customerId" | "toNumber" | "sourceKind" | "senderUserId" | "marketing">, sentText: string, now: Date) {
  return {
    message: {
      id: message.id,
      conversation_id: message.conversationId,
      customer_id: message.customerId,
      to: message.toNumber,
      body: sentText,
      source: message.sourceKind,
      sender_user_id: message.senderUserId ?? null,
      marketing: message.marketing,
      created_at: now.toISOString(),
    },
  };
}

/**
 * The one sending gate (ARCHITECTURE.md): every outgoing SMS, from any path, comes here.
 * It refuses with a reason, renders the template, signs manual sends, counts segments,
 * records the message, then hands it to the provider.
 */
export async function sendSms(db: Db, request: SendRequest, dependencies: SendDependencies = {}): Promise<SendOutcome> {
  const now = dependencies.now ?? new Date();
  const provider = dependencies.provider ?? defaultSmsProvider();
  const customer = await findCustomer(db, { companyId: request.companyId, customerId: request.customerId });
  const company = await findCompany(db, { companyId: request.companyId });
  if (!customer || !company || customer.mergedIntoId) return { ok: false, reason: "customer_not_found" };

  const refusal = sendRefusal(customer, company, request.category, now);
  if (refusal && !(request.compliance && refusal !== "no_mobile")) return { ok: false, reason: refusal };

  const sender = request.senderUserId ? await findCompanyUser(db, { companyId: company.id, userId: request.senderUserId }) : undefined;
  const rendered = await renderSmsText(db, {
    company,
    customer,
    body: request.body,
    sender: sender ?? null,
    signed: Boolean(sender) && (request.source.kind === "manual" || Boolean(request.sign)),
    optOutFooter: request.optOutFooter,
    subjects: request.subjects,
  });
  if (!rendered.ok) return rendered;
  const text = rendered.text;

  const from = company.senderNumber ?? "";
  const appUrl = env().APP_URL;
  const { message, sentText } = await db.transaction(async (tx) => {
    const conversation = await ensureActiveConversation(tx, {
      companyId: company.id,
      customerId: customer.id,
      assignTo: request.assignTo ?? defaultAssignee(company),
      now,
    });
    const row = await insertOutboundMessage(tx, {
      companyId: company.id,
      conversationId: conversation.id,
      customerId: customer.id,
      body: text,
      originalBody: request.original?.body ?? null,
      originalLanguage: request.original?.language ?? null,
      sourceKind: request.source.kind,
      sourceId: request.source.id ?? null,
      senderUserId: sender?.id ?? null,
      status: "queued",
      provider: provider.name,
      fromNumber: from,
      toNumber: customer.mobile,
      marketing: request.category === "marketing",
      createdAt: now,
    });
    const files = await attachUploads(tx, { companyId: company.id, customerId: customer.id, attachmentIds: request.attachmentIds ?? [], owner: { messageId: row.id } });
    // What the customer receives: the text, then a link per file.
    const links = [...files.map((file) => publicFileUrl(appUrl, file.publicToken)), ...(request.fileLinks ?? [])];
    const { withLinks, encoding, segments, preview } = smsWithLinks(text, links);
    const counted = await setMessageSegments(tx, { companyId: company.id, messageId: row.id, encoding, segments });
    await recordMessageOnConversation(tx, {
      companyId: company.id,
      conversationId: conversation.id,
      direction: "outbound",
      body: preview,
      at: now,
      // The assignee answering has obviously read the conversation.
      readByAssignee: Boolean(sender) && conversation.assigneeUserId === sender!.id,
    });
    await recordWebhookEvent(tx, { companyId: company.id, type: "message.sent", customerId: customer.id, payload: messageSentPayload(row, withLinks, now) });
    return { message: counted, sentText: withLinks };
  });
  publish(company.id, { type: "message.created", conversationId: message.conversationId, direction: "outbound" });

  try {
    const result = await provider.send({ clientRef: message.id, to: customer.mobile!, from, text: sentText });
    await applyStatusReport(db, { provider: provider.name, clientRef: message.id, providerMessageId: result.providerMessageId, status: "sent", at: new Date() });
    for (const receipt of result.receipts ?? []) await applyStatusReport(db, receipt);
  } catch (error) {
    const category = error instanceof SmsSendError ? error.category : "provider_error";
    const detail = error instanceof Error ? error.message : String(error);
    if (!(error instanceof SmsSendError)) console.error("[sms] provider failed", error);
    await applyStatusReport(db, { provider: provider.name, clientRef: message.id, status: "failed", errorCode: category, errorDetail: detail, at: new Date() });
  }
  const final = await findMessage(db, { companyId: company.id, messageId: message.id });
  await nudgeWebhookDelivery();
  return { ok: true, message: final! };
}
