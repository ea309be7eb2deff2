import "server-only";
import type { Db } from "@/db/client";
import { findCompanyBySenderNumber } from "@/db/queries/companies";
import {
  claimInboundSms,
  findCustomerByMobile,
  findMessageByProviderId,
  insertCustomerForNumber,
  markInboundSmsProcessed,
  releaseInboundSmsClaim,
  storeInboundOnOpenConversation,
  type ClaimedInboundSms,
} from "@/db/queries/inbound";
import { defaultAssignee } from "@/lib/conversations/routing";
import { ensureActiveConversation } from "@/lib/conversations/thread";
import { customerSearchText } from "@/lib/customers/search-text";
import { publish } from "@/lib/live/bus";
import { announceNotifications } from "@/lib/notifications/notify";
import type { SendDependencies } from "../send";
import { handleComplianceKeyword } from "./compliance";
import type { InboundOutcome, InboundSms } from "./types";

type Company = NonNullable<Awaited<ReturnType<typeof findCompanyBySenderNumber>>>;

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
  return created ?? (await findCustomerByMobile(db, { companyId: company.id, mobile }))!;
}

/**
 * Stores an inbound SMS: customer (created for an unknown number), active conversation
 * (created or reopened, routed by the company rule), message. Idempotent on the
 * provider's message id. Then handles STOP/START/HELP and tells the assignee.
 */
export async function receiveSms(db: Db, sms: InboundSms, dependencies: SendDependencies = {}): Promise<InboundOutcome> {
  // The common case, one statement: a known customer writes into their open conversation.
  const fast = await storeInboundOnOpenConversation(db, sms);
  const company = await findCompanyBySenderNumber(db, sms.to);
  if (!fast && !company) return { status: "unknown_recipient" };
  const stored =
    fast ??
    (await (async () => {
      const seen = await findMessageByProviderId(db, { companyId: company!.id, provider: sms.provider, providerMessageId: sms.providerMessageId });
      if (seen) return { duplicateOf: seen.id };
      return db.transaction(async (tx) => {
        const customer = await findOrCreateCustomer(tx, company!, sms.from);
        await ensureActiveConversation(tx, { companyId: company!.id, customerId: customer.id, assignTo: defaultAssignee(company!), now: sms.receivedAt });
        return (await storeInboundOnOpenConversation(tx, sms)) ?? { duplicateOf: null };
      });
    })());
  if ("duplicateOf" in stored) {
    const messageId = stored.duplicateOf ?? (await findMessageByProviderId(db, { companyId: company!.id, provider: sms.provider, providerMessageId: sms.providerMessageId }))!.id;
    return { status: "duplicate", messageId };
  }

  publish(stored.companyId, { type: "message.created", conversationId: stored.conversationId, direction: "inbound" });
  announceNotifications(stored.companyId, stored.notified);
  await handleComplianceKeyword(
    db,
    { company: company!, customerId: stored.customerId, conversationId: stored.conversationId, text: sms.text, receivedAt: sms.receivedAt },
    dependencies,
  );
  return { status: "stored", messageId: stored.messageId, conversationId: stored.conversationId, customerId: stored.customerId };
}

const CLAIM_TIMEOUT = "1 minute";
const MAX_ATTEMPTS = 10;
const PARALLEL_SENDERS = 8;

const claimedSms = (row: ClaimedInboundSms): InboundSms => ({
  provider: row.provider,
  providerMessageId: row.provider_message_id,
  from: row.from_number,
  to: row.to_number,
  text: row.text,
  receivedAt: new Date(row.received_at),
});

async function processOne(db: Db, row: ClaimedInboundSms, dependencies: SendDependencies) {
  try {
    const outcome = await receiveSms(db, claimedSms(row), dependencies);
    await markInboundSmsProcessed(db, { id: row.id, outcome: outcome.status, messageId: "messageId" in outcome ? outcome.messageId : null });
  } catch (error) {
    console.error("[inbound] processing failed; it will be retried", error);
    await releaseInboundSmsClaim(db, { id: row.id, error: String(error) });
  }
}

/**
 * Turns every pending inbound SMS into conversation messages. One sender's messages stay
 * in order; different senders are handled side by side. Safe to run concurrently.
 */
export async function processPendingInbound(db: Db, { batchSize = 200, dependencies = {} }: { batchSize?: number; dependencies?: SendDependencies } = {}) {
  let processed = 0;
  for (;;) {
    const batch = await claimInboundSms(db, { limit: batchSize, claimTimeout: CLAIM_TIMEOUT, maxAttempts: MAX_ATTEMPTS });
    const bySender = new Map<string, ClaimedInboundSms[]>();
    for (const row of batch) bySender.set(row.from_number, [...(bySender.get(row.from_number) ?? []), row]);
    const queues = [...bySender.values()];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_SENDERS, queues.length) }, async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift()) {
          for (const row of queue) await processOne(db, row, dependencies);
        }
      }),
    );
    processed += batch.length;
    if (batch.length < batchSize) return { processed };
  }
}
