import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findCompanyBySenderNumber } from "@/db/queries/companies";
import { companies, customers, messages, teamMembers } from "@/db/schema";
import { defaultAssignee } from "@/lib/conversations/routing";
import { ensureActiveConversation, recordMessageOnConversation } from "@/lib/conversations/thread";
import { customerSearchText } from "@/lib/customers/search-text";
import { translatorFor } from "@/lib/i18n/translator";
import { publish } from "@/lib/live/bus";
import { announceNotifications, recordNotifications } from "@/lib/notifications/notify";
import { storeOnOpenConversation } from "./inbound-fast-path";
import { complianceKeyword } from "./keywords";
import { sendSms, type SendDependencies } from "./send";

export type InboundSms = {
  provider: "vonage" | "local";
  providerMessageId: string;
  /** E.164 numbers. */
  from: string;
  to: string;
  text: string;
  receivedAt: Date;
};

export type InboundOutcome =
  | { status: "stored"; messageId: string; conversationId: string; customerId: string }
  | { status: "duplicate"; messageId: string }
  | { status: "unknown_recipient" };

type Company = typeof companies.$inferSelect;

async function findOrCreateCustomer(db: Db, company: Company, mobile: string) {
  const find = async () =>
    (
      await db
        .select()
        .from(customers)
        .where(and(eq(customers.companyId, company.id), eq(customers.mobile, mobile), isNull(customers.mergedIntoId)))
        .limit(1)
    )[0];
  const existing = await find();
  if (existing) return existing;
  // A number we have never seen: a customer with no name yet, in the company's language.
  const [created] = await db
    .insert(customers)
    .values({
      companyId: company.id,
      mobile,
      language: company.locale,
      searchText: customerSearchText({ firstName: "", lastName: "", mobile }),
    })
    .onConflictDoNothing()
    .returning();
  return created ?? (await find())!;
}

/**
 * Stores an inbound SMS: customer (created for an unknown number), active conversation
 * (created or reopened, routed by the company rule), message. Idempotent on the
 * provider's message id. Then handles STOP/START/HELP and tells the assignee.
 */
export async function receiveSms(db: Db, sms: InboundSms, dependencies: SendDependencies = {}): Promise<InboundOutcome> {
  const fast = await storeOnOpenConversation(db, sms);
  if (fast) {
    publish(fast.companyId, { type: "message.created", conversationId: fast.conversationId, direction: "inbound" });
    announceNotifications(fast.companyId, fast.notified);
    if (complianceKeyword(sms.text)) {
      const [company, [customer]] = await Promise.all([
        findCompanyBySenderNumber(db, sms.to),
        db.select().from(customers).where(eq(customers.id, fast.customerId)),
      ]);
      await handleComplianceKeyword(db, company!, customer!, fast.conversationId, sms, dependencies);
    }
    return { status: "stored", messageId: fast.messageId, conversationId: fast.conversationId, customerId: fast.customerId };
  }

  const company = await findCompanyBySenderNumber(db, sms.to);
  if (!company) return { status: "unknown_recipient" };
  const duplicate = async () =>
    (
      await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.provider, sms.provider), eq(messages.providerMessageId, sms.providerMessageId)))
        .limit(1)
    )[0];
  const seen = await duplicate();
  if (seen) return { status: "duplicate", messageId: seen.id };

  const stored = await db.transaction(async (tx) => {
    const customer = await findOrCreateCustomer(tx, company, sms.from);
    const conversation = await ensureActiveConversation(tx, {
      companyId: company.id,
      customerId: customer.id,
      assignTo: defaultAssignee(company),
      now: sms.receivedAt,
    });
    const [message] = await tx
      .insert(messages)
      .values({
        companyId: company.id,
        conversationId: conversation.id,
        customerId: customer.id,
        direction: "inbound",
        body: sms.text,
        sourceKind: "customer",
        status: "received",
        provider: sms.provider,
        providerMessageId: sms.providerMessageId,
        segments: 1,
        fromNumber: sms.from,
        toNumber: sms.to,
        createdAt: sms.receivedAt,
      })
      .onConflictDoNothing()
      .returning();
    if (!message) return null;
    await recordMessageOnConversation(tx, { companyId: company.id, conversationId: conversation.id, direction: "inbound", body: sms.text, at: sms.receivedAt });
    // One commit per message: the notification rows go in the same transaction.
    const notified = await notifyAssignee(tx, company.id, conversation, message.id);
    return { customer, conversation, message, notified };
  });
  if (!stored) return { status: "duplicate", messageId: (await duplicate())!.id };

  const { customer, conversation, message, notified } = stored;
  publish(company.id, { type: "message.created", conversationId: conversation.id, direction: "inbound" });
  announceNotifications(company.id, notified);
  await handleComplianceKeyword(db, company, customer, conversation.id, sms, dependencies);
  return { status: "stored", messageId: message.id, conversationId: conversation.id, customerId: customer.id };
}

async function handleComplianceKeyword(
  db: Db,
  company: Company,
  customer: typeof customers.$inferSelect,
  conversationId: string,
  sms: InboundSms,
  dependencies: SendDependencies,
) {
  const keyword = complianceKeyword(sms.text);
  if (!keyword) return;
  const t = translatorFor(customer.language);
  const send = (body: string, compliance: "opt_out_confirmation" | "opt_in_confirmation" | "help") =>
    sendSms(
      db,
      { companyId: company.id, customerId: customer.id, body, category: "general", source: { kind: "system" }, compliance },
      dependencies,
    );
  // Messages are plain text here: the company name may contain braces.
  const plain = (text: string) => text.replace(/[{}]/g, "");
  if (keyword === "stop") {
    const [optedOut] = await db
      .update(customers)
      .set({ optedOutAt: sms.receivedAt })
      .where(and(eq(customers.id, customer.id), isNull(customers.optedOutAt)))
      .returning({ id: customers.id });
    // One confirmation, on the transition only.
    if (optedOut) await send(plain(t("sms.optedOut", { company: company.name })), "opt_out_confirmation");
  } else if (keyword === "start") {
    // Only the customer can undo their STOP, by texting START.
    const [optedIn] = await db
      .update(customers)
      .set({ optedOutAt: null, subscribedGeneral: true })
      .where(and(eq(customers.id, customer.id), isNotNull(customers.optedOutAt)))
      .returning({ id: customers.id });
    if (optedIn) await send(plain(t("sms.optedIn", { company: company.name })), "opt_in_confirmation");
  } else {
    await send(plain(company.helpText || t("sms.help", { company: company.name, phone: company.senderNumber ?? "" })), "help");
  }
  publish(company.id, { type: "conversation.updated", conversationId });
}

async function notifyAssignee(
  db: Db,
  companyId: string,
  conversation: { id: string; assigneeUserId: string | null; assigneeTeamId: string | null },
  messageId: string,
) {
  const userIds = conversation.assigneeUserId
    ? [conversation.assigneeUserId]
    : conversation.assigneeTeamId
      ? (await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, conversation.assigneeTeamId))).map((m) => m.userId)
      : [];
  return recordNotifications(db, {
    companyId,
    userIds,
    kind: "conversation.new_message",
    data: { conversationId: conversation.id, messageId },
    link: `/conversations/${conversation.id}`,
  });
}
