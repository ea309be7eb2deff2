import "server-only";
import type { Db } from "@/db/client";
import { findCompanyBySenderNumber } from "@/db/queries/companies";
import {
  findCustomerByMobile,
  findMessageByProviderId,
  findMessageConversation,
  insertCustomerForNumber,
  markInboundSmsProcessed,
  markInboundSmsStored,
  storeInboundOnOpenConversations,
  type StoredInboundMessage,
} from "@/db/queries/inbound";
import { defaultAssignee } from "@/lib/conversations/routing";
import { ensureActiveConversation } from "@/lib/conversations/thread";
import { customerSearchText } from "@/lib/customers/search-text";
import { publish } from "@/lib/live/bus";
import { listCompanyUsers } from "@/db/queries/users";
import { checkAutomationReplies } from "@/lib/automations/reply-check";
import { announceNotifications, recordNotifications } from "@/lib/notifications/notify";
import { channelRuleOf } from "@/lib/notifications/preferences";
import { nudgeWebhookDelivery, recordWebhookEvent, recordWebhookEvents } from "@/lib/webhooks/record";
import type { SendDependencies } from "../send";
import { applyComplianceKeyword, sendComplianceReply, type ComplianceReply, type DueReply } from "./compliance";
import { isTextableNumber, type InboundOutcome, type InboundSms } from "./types";

type Company = NonNullable<Awaited<ReturnType<typeof findCompanyBySenderNumber>>>;

export const NEW_MESSAGE_RULE = channelRuleOf("conversation.new_message");

/** The steps of processing, named so a test can make one of them fail. */
export type InboundStep = "conversation" | "message" | "compliance" | "stored" | "reply" | "automation";

export type ProcessOptions = {
  dependencies?: SendDependencies;
  /** The stored inbound row being processed: its processed flag moves with the effects. */
  inbound?: { id: string; messageId: string | null; outcome: string | null };
  /** Test hook: called after each step; throwing there is a fault at that step. */
  afterStep?: (step: InboundStep) => void;
};

const REPLY_DUE = "reply_due:";

async function findOrCreateCustomer(db: Db, company: Company, mobile: string) {
  const existing = await findCustomerByMobile(db, { companyId: company.id, mobile });
  if (existing) return existing;
  // A number we have never seen: a customer with no name yet, in the company's language.
  const created = await insertCustomerForNumber(db, {
    companyId: company.id,
    mobile,
    language: company.locale,
    searchText: customerSearchText({ firstName: "", lastName: "", mobile }),
  });
  if (created) {
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", customerId: created.id, payload: { customer: { id: created.id, mobile, source: "inbound_sms" } } });
    return created;
  }
  return (await findCustomerByMobile(db, { companyId: company.id, mobile }))!;
}

/** The message.received webhook events of stored inbound messages, in the transaction that stored them. */
export async function recordMessagesReceived(tx: Db, stored: { sms: InboundSms & { acceptedAt: Date }; row: StoredInboundMessage }[]) {
  const byCompany = new Map<string, typeof stored>();
  for (const item of stored) {
    const items = byCompany.get(item.row.companyId);
    if (items) items.push(item);
    else byCompany.set(item.row.companyId, [item]);
  }
  for (const [companyId, items] of byCompany) {
    await recordWebhookEvents(tx, {
      companyId,
      type: "message.received",
      events: items.map(({ sms, row }) => ({
        customerId: row.customerId,
        payload: {
          message: { id: row.messageId, conversation_id: row.conversationId, customer_id: row.customerId, from: sms.from, to: sms.to, body: sms.text, received_at: sms.acceptedAt.toISOString() },
        },
      })),
    });
  }
}

/** After the commit: the inbox hears of the message, its notified users of their notifications. */
export function announceStored(row: StoredInboundMessage) {
  publish(row.companyId, { type: "message.created", conversationId: row.conversationId, direction: "inbound" });
  announceNotifications(row.companyId, row.notified);
}

type Stored = { messageId: string; conversationId: string; customerId: string; due: DueReply | null };

/**
 * One transaction: customer (created for an unknown number), active conversation (created
 * or reopened, routed by the company rule), message with its summary and notifications,
 * the STOP/START state, and the inbound row's progress. A failure anywhere leaves nothing,
 * so the retry starts again from the top.
 */
async function storeMessage(db: Db, company: Company, received: InboundSms, { inbound, afterStep }: ProcessOptions): Promise<Stored | { duplicateOf: string }> {
  const sms = { ...received, acceptedAt: received.acceptedAt ?? new Date() };
  const stored = await db.transaction(async (tx) => {
    // The common case, one statement: a known customer writes into their open conversation.
    let [row] = await storeInboundOnOpenConversations(tx, [sms], NEW_MESSAGE_RULE);
    if (!row) {
      const seen = await findMessageByProviderId(tx, { companyId: company.id, provider: sms.provider, providerMessageId: sms.providerMessageId });
      if (seen) return { duplicateOf: seen.id };
      const customer = await findOrCreateCustomer(tx, company, sms.from);
      await ensureActiveConversation(tx, { companyId: company.id, customerId: customer.id, assignTo: defaultAssignee(company), now: sms.acceptedAt });
      afterStep?.("conversation");
      [row] = await storeInboundOnOpenConversations(tx, [sms], NEW_MESSAGE_RULE);
      if (!row) return { duplicateOf: null };
    }
    afterStep?.("message");
    await recordMessagesReceived(tx, [{ sms, row }]);
    const due = await applyComplianceKeyword(tx, {
      companyId: company.id,
      customerId: row.customerId,
      conversationId: row.conversationId,
      messageId: row.messageId,
      text: sms.text,
      at: sms.acceptedAt,
    });
    afterStep?.("compliance");
    if (inbound && due) await markInboundSmsStored(tx, { id: inbound.id, outcome: `${REPLY_DUE}${due.reply}:${due.language}`, messageId: row.messageId });
    else if (inbound) await markInboundSmsProcessed(tx, { id: inbound.id, outcome: "stored", messageId: row.messageId });
    return { ...row, due };
  });
  if ("duplicateOf" in stored) {
    // Another request stored it a moment ago.
    const duplicateOf = stored.duplicateOf ?? (await findMessageByProviderId(db, { companyId: company.id, provider: sms.provider, providerMessageId: sms.providerMessageId }))!.id;
    if (inbound) await markInboundSmsProcessed(db, { id: inbound.id, outcome: "duplicate", messageId: duplicateOf });
    return { duplicateOf };
  }
  afterStep?.("stored");
  announceStored(stored);
  await nudgeWebhookDelivery();
  return stored;
}

/**
 * A sender that cannot receive texts: the text is kept for staff (on the inbound row, and
 * in a notification to the company's users) with no customer, conversation or reply.
 */
async function keepUnreplyable(db: Db, company: Company, sms: InboundSms, inbound: ProcessOptions["inbound"]) {
  const notified = await db.transaction(async (tx) => {
    const userIds = (await listCompanyUsers(tx, { companyId: company.id })).map((user) => user.id);
    const recipients = await recordNotifications(tx, {
      companyId: company.id,
      userIds,
      kind: "inbound.unreplyable_sender",
      data: { from: sms.from, text: sms.text.slice(0, 500), receivedAt: sms.receivedAt.toISOString(), inboundSmsId: inbound?.id ?? null },
    });
    if (inbound) await markInboundSmsProcessed(tx, { id: inbound.id, outcome: "unreplyable_sender", messageId: null });
    return recipients;
  });
  announceNotifications(company.id, notified);
  return { status: "unreplyable_sender" } as const;
}

/** A previous attempt stored the message but its reply was not sent yet: resume there. */
async function resumeStored(db: Db, company: Company, inbound: NonNullable<ProcessOptions["inbound"]>): Promise<Stored | null> {
  if (!inbound.messageId || !inbound.outcome?.startsWith(REPLY_DUE)) return null;
  const message = await findMessageConversation(db, { companyId: company.id, messageId: inbound.messageId });
  if (!message) return null;
  const [reply, language = "en"] = inbound.outcome.slice(REPLY_DUE.length).split(":");
  const due = { reply: reply as ComplianceReply, language: language === "fr" ? ("fr" as const) : ("en" as const) };
  return { messageId: message.id, conversationId: message.conversationId, customerId: message.customerId, due };
}

/**
 * Processes an inbound SMS as a whole, retried until it completes: the message and its
 * effects in one transaction, then the STOP/START/HELP reply; the inbound row is marked
 * processed only after the last step, so no step is skipped by a retry. Idempotent on
 * the provider's message id.
 */
export async function processInboundSms(db: Db, sms: InboundSms, options: ProcessOptions = {}): Promise<InboundOutcome> {
  const { inbound, dependencies = {}, afterStep } = options;
  const company = await findCompanyBySenderNumber(db, sms.to);
  if (!company) {
    if (inbound) await markInboundSmsProcessed(db, { id: inbound.id, outcome: "unknown_recipient", messageId: null });
    return { status: "unknown_recipient" };
  }
  if (!isTextableNumber(sms.from)) return keepUnreplyable(db, company, sms, inbound);
  const stored = (inbound && (await resumeStored(db, company, inbound))) || (await storeMessage(db, company, sms, options));
  if ("duplicateOf" in stored) return { status: "duplicate", messageId: stored.duplicateOf };
  if (stored.due) {
    await sendComplianceReply(
      db,
      { company, customerId: stored.customerId, conversationId: stored.conversationId, due: stored.due, inboundSmsId: inbound?.id },
      dependencies,
    );
    afterStep?.("reply");
    if (inbound) await markInboundSmsProcessed(db, { id: inbound.id, outcome: "stored", messageId: stored.messageId });
  }
  // Keyword answers, appointment confirmations, emotion: after the message is stored.
  await checkAutomationReplies(db, [{ companyId: company.id, messageId: stored.messageId, customerId: stored.customerId, at: sms.acceptedAt ?? new Date() }], dependencies);
  afterStep?.("automation");
  return { status: "stored", messageId: stored.messageId, conversationId: stored.conversationId, customerId: stored.customerId };
}

/** Stores and handles an inbound SMS that has no inbound row (tests, in-process callers). */
export function receiveSms(db: Db, sms: InboundSms, dependencies: SendDependencies = {}) {
  return processInboundSms(db, sms, { dependencies });
}
