import "server-only";
import { recordWebhookEvent } from "@/lib/webhooks/record";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import {
  hasConsentEventForMessage,
  insertOptOutFlag,
  listConsentEvents,
  listOpenOptOutFlags,
  markCustomerOptedIn,
  markCustomerOptedOut,
  recordConsentEvent as insertConsentEvent,
  resolveCustomerOptOutFlags,
  resolveOptOutFlag,
  type ConsentEventValues,
} from "@/db/queries/consent";
import { findCustomer } from "@/db/queries/customers";
import { NotFoundError } from "@/lib/actions/errors";
import { confirmationText, type Confirmation } from "./confirmation";
import { classifyOptOut } from "./opt-out";
import type { ConsentHistoryEntry, ConsentSource, OptOutFlagView } from "./types";

/**
 * A consent event, and the matching webhook event (customer.opted_out / opted_in), in the
 * caller's transaction.
 */
async function recordConsentEvent(db: Db, values: ConsentEventValues) {
  const row = await insertConsentEvent(db, values);
  await recordWebhookEvent(db, {
    companyId: values.companyId,
    type: values.kind === "opt_out" ? "customer.opted_out" : "customer.opted_in",
    customerId: values.customerId,
    payload: { customer: { id: values.customerId }, scope: values.scope, source: values.source, keyword: values.keyword ?? null, at: (values.at ?? row.createdAt).toISOString() },
  });
  return row;
}

/** The customer's words kept as proof: enough to read, never a whole essay. */
const EXCERPT_LENGTH = 160;
const excerptOf = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text);

export type InboundConsentRequest = {
  companyId: string;
  customerId: string;
  conversationId: string;
  /** The stored inbound message. */
  messageId: string;
  text: string;
  receivedAt: Date;
};

export type InboundConsentOutcome =
  | { action: "opted_out" | "opted_in" | "help"; reply: Confirmation | null }
  | { action: "flagged"; flagId: string | null }
  | { action: "none" };

/**
 * STOP, START, HELP or a possible opt-out in an inbound text. Its state changes (the
 * customer's opt-out, the consent event, the flag) commit together, inside the caller's
 * transaction when given one. The reply to send, if any, is returned: sent only on a
 * change, or again when the same message is retried after its change committed.
 */
export async function applyInboundConsent(db: Db, request: InboundConsentRequest): Promise<InboundConsentOutcome> {
  const { companyId, customerId } = request;
  // Most texts are none of this: no transaction, no query for them.
  if (classifyOptOut(request.text).kind === null) return { action: "none" };
  return db.transaction(async (tx) => {
    const [customer, company] = await Promise.all([findCustomer(tx, { companyId, customerId }), findCompany(tx, { companyId })]);
    if (!customer || !company) return { action: "none" };
    const { kind, language } = classifyOptOut(request.text, customer.language);
    if (kind === null) return { action: "none" };
    if (kind === "help") return { action: "help", reply: confirmationText("help", language, company) };
    if (kind === "possible_stop") {
      if (customer.optedOutAt) return { action: "none" };
      const flag = await insertOptOutFlag(tx, { ...request, excerpt: excerptOf(request.text), language });
      return { action: "flagged", flagId: flag?.id ?? null };
    }

    const changed =
      kind === "stop"
        ? await markCustomerOptedOut(tx, { companyId, customerId, at: request.receivedAt })
        : await markCustomerOptedIn(tx, { companyId, customerId });
    if (changed) {
      await recordConsentEvent(tx, {
        companyId,
        customerId,
        kind: kind === "stop" ? "opt_out" : "opt_in",
        scope: "all",
        source: "sms_keyword",
        keyword: excerptOf(request.text),
        messageId: request.messageId,
        at: request.receivedAt,
      });
      if (kind === "stop") await resolveCustomerOptOutFlags(tx, { companyId, customerId, at: request.receivedAt });
    }
    const answer = changed || (await hasConsentEventForMessage(tx, { companyId, customerId, messageId: request.messageId }));
    return { action: kind === "stop" ? "opted_out" : "opted_in", reply: answer ? confirmationText(kind, language, company) : null };
  });
}

type Subscriptions = { general: boolean; marketing: boolean };

/**
 * Records what changed in a customer's general/marketing subscriptions (CUST-4): one
 * event per subscription that changed, by a staff member, an import or the API.
 */
export async function recordSubscriptionChange(
  db: Db,
  change: {
    companyId: string;
    customerId: string;
    before: Subscriptions;
    after: Subscriptions;
    source: Exclude<ConsentSource, "sms_keyword">;
    staffUserId?: string | null;
    at?: Date;
  },
) {
  const { before, after, ...common } = change;
  const scopes = (["general", "marketing"] as const).filter((scope) => before[scope] !== after[scope]);
  for (const scope of scopes) {
    await recordConsentEvent(db, { ...common, scope, kind: after[scope] ? "opt_in" : "opt_out" });
  }
  return scopes.length;
}

/**
 * A staff member reads a possible opt-out request as one: the customer is opted out as
 * if they had texted STOP (only their START undoes it), with the staff member and the
 * customer's words as proof. Returns the confirmation to send in the words' language.
 */
export async function unsubscribeFromOptOutFlag(db: Db, { companyId, flagId, userId, at = new Date() }: { companyId: string; flagId: string; userId: string; at?: Date }) {
  return db.transaction(async (tx) => {
    const flag = await resolveOptOutFlag(tx, { companyId, flagId, resolution: "unsubscribed", userId, at });
    if (!flag) throw new NotFoundError();
    const { customerId } = flag;
    const changed = await markCustomerOptedOut(tx, { companyId, customerId, at });
    if (changed) {
      await recordConsentEvent(tx, { companyId, customerId, kind: "opt_out", scope: "all", source: "staff", keyword: flag.excerpt, messageId: flag.messageId, staffUserId: userId, at });
      await resolveCustomerOptOutFlags(tx, { companyId, customerId, at });
    }
    const company = changed ? await findCompany(tx, { companyId }) : undefined;
    return {
      customerId,
      conversationId: flag.conversationId,
      reply: company ? confirmationText("stop", flag.language, company) : null,
    };
  });
}

/** "Not an opt-out": the hint goes away, the customer stays subscribed. */
export async function dismissOptOutFlag(db: Db, { companyId, flagId, userId, at = new Date() }: { companyId: string; flagId: string; userId: string; at?: Date }) {
  const flag = await resolveOptOutFlag(db, { companyId, flagId, resolution: "dismissed", userId, at });
  if (!flag) throw new NotFoundError();
  return { customerId: flag.customerId, conversationId: flag.conversationId };
}

/** What the thread shows above a possible opt-out request. */
export async function openOptOutFlags(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }): Promise<OptOutFlagView[]> {
  const flags = await listOpenOptOutFlags(db, { companyId, conversationId });
  return flags.map(({ id, messageId, excerpt }) => ({ id, messageId, excerpt }));
}

/** The consent history the profile shows, newest first. */
export async function consentHistory(db: Db, { companyId, customerId }: { companyId: string; customerId: string }): Promise<ConsentHistoryEntry[]> {
  const events = await listConsentEvents(db, { companyId, customerId });
  return events.map((event) => ({
    id: event.id,
    kind: event.kind,
    scope: event.scope,
    source: event.source,
    keyword: event.keyword,
    messageId: event.messageId,
    staffName: event.staffName,
    at: event.createdAt.toISOString(),
  }));
}
