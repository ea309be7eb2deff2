import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { queryPrepared, queryRows, type Db } from "@/db/client";
import { customers, inboundMessageParts, inboundSms, messages } from "@/db/schema";
import { channelWantedSql, type ChannelRule, type NotificationDelivery } from "./notifications";

export type InboundProvider = "vonage" | "local";

/** What a webhook stores before anything else: the raw message, once per provider id. */
export type InboundSmsValues = {
  provider: InboundProvider;
  providerMessageId: string;
  /** E.164 numbers (or an alphanumeric sender, which is never answered). */
  from: string;
  to: string;
  text: string;
  /** The provider's timestamp (when the customer sent it), clamped to a sane window: shown, never sorted on. */
  receivedAt: Date;
  /** When we received it (the webhook stored it): orders the inbox and marks it unread. Default: now. */
  acceptedAt?: Date;
};

export async function insertInboundSms(db: Db, sms: InboundSmsValues) {
  const [row] = await queryPrepared<{ id: string }>(
    db,
    "accept_inbound_sms",
    sql`insert into inbound_sms (provider, provider_message_id, from_number, to_number, text, received_at)
        values (${sms.provider}, ${sms.providerMessageId}, ${sms.from}, ${sms.to}, ${sms.text}, ${sms.receivedAt.toISOString()}::timestamptz)
        on conflict (provider, provider_message_id) do nothing
        returning id`,
  );
  return row;
}

export type ClaimedInboundSms = {
  id: string;
  provider: InboundProvider;
  provider_message_id: string;
  from_number: string;
  to_number: string;
  text: string;
  received_at: Date | string;
  created_at: Date | string;
  message_id: string | null;
  outcome: string | null;
};

/** Takes up to `limit` unprocessed rows that no live worker holds, oldest first. */
export async function claimInboundSms(db: Db, { limit, claimTimeout, maxAttempts }: { limit: number; claimTimeout: string; maxAttempts: number }) {
  return queryRows<ClaimedInboundSms>(
    db,
    sql`update inbound_sms set claimed_at = now(), attempts = attempts + 1
        where id in (
          select id from inbound_sms
          where processed_at is null
            and (claimed_at is null or claimed_at < now() - ${claimTimeout}::interval)
            and attempts < ${maxAttempts}
          order by created_at
          limit ${limit}
          for update skip locked
        )
        returning id, provider, provider_message_id, from_number, to_number, text, received_at, created_at, message_id, outcome`,
  );
}

export async function markInboundSmsProcessed(db: Db, { id, outcome, messageId }: { id: string; outcome: string; messageId: string | null }) {
  await db.update(inboundSms).set({ processedAt: new Date(), outcome, messageId, lastError: null }).where(eq(inboundSms.id, id));
}

/** Many inbound rows stored as messages (the grouped path), in one statement. */
export async function markInboundSmsStoredAll(db: Db, stored: { id: string; messageId: string }[]) {
  if (!stored.length) return;
  await queryRows(db, sql`
    update inbound_sms set processed_at = now(), outcome = 'stored', message_id = s.message_id, last_error = null
    from jsonb_to_recordset(${JSON.stringify(stored.map((row) => ({ id: row.id, message_id: row.messageId })))}::jsonb) as s(id uuid, message_id uuid)
    where inbound_sms.id = s.id`);
}

/**
 * The message is stored but a follow-up (a compliance reply) is still due: the row stays
 * unprocessed, so a retry resumes at that step instead of storing again.
 */
export async function markInboundSmsStored(db: Db, { id, outcome, messageId }: { id: string; outcome: string; messageId: string }) {
  await db.update(inboundSms).set({ outcome, messageId }).where(eq(inboundSms.id, id));
}

export async function releaseInboundSmsClaim(db: Db, { id, error }: { id: string; error: string }) {
  await db.update(inboundSms).set({ claimedAt: null, lastError: error }).where(eq(inboundSms.id, id));
}

export type InboundPartValues = {
  from: string;
  to: string;
  reference: string;
  partNumber: number;
  totalParts: number;
  partProviderId: string;
  text: string;
  receivedAt: Date;
};

type PartSet = { from: string; to: string; reference: string; totalParts: number };

/** Serialises the parts of one multipart set, so two last parts arriving together join once. */
export async function lockInboundPartSet(db: Db, { from, to, reference }: Omit<PartSet, "totalParts">) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`inbound-parts:${to}:${from}:${reference}`}))`);
}

/** False when this part (by its provider id) was already received. */
export async function insertInboundPart(db: Db, part: InboundPartValues) {
  const rows = await db
    .insert(inboundMessageParts)
    .values({
      toNumber: part.to,
      fromNumber: part.from,
      reference: part.reference,
      partNumber: part.partNumber,
      totalParts: part.totalParts,
      providerMessageId: part.partProviderId,
      text: part.text,
      receivedAt: part.receivedAt,
    })
    .onConflictDoNothing()
    .returning({ id: inboundMessageParts.providerMessageId });
  return rows.length > 0;
}

export type InboundPartRow = typeof inboundMessageParts.$inferSelect;

/** The parts of a set not yet joined, oldest first, received since `since`. */
export async function listWaitingParts(db: Db, { from, to, reference, totalParts, since }: PartSet & { since: Date }) {
  return db
    .select()
    .from(inboundMessageParts)
    .where(
      and(
        eq(inboundMessageParts.toNumber, to),
        eq(inboundMessageParts.fromNumber, from),
        eq(inboundMessageParts.reference, reference),
        eq(inboundMessageParts.totalParts, totalParts),
        isNull(inboundMessageParts.joinedAt),
        gte(inboundMessageParts.createdAt, since),
      ),
    )
    .orderBy(asc(inboundMessageParts.createdAt));
}

/** Joined parts keep an empty row, so a late retry of one is still a duplicate. */
export async function markPartsJoined(db: Db, { partProviderIds, at }: { partProviderIds: string[]; at: Date }) {
  await db.update(inboundMessageParts).set({ joinedAt: at, text: "" }).where(inArray(inboundMessageParts.providerMessageId, partProviderIds));
}

/** Sets whose oldest waiting part is older than `before`: they will never complete. */
export async function listExpiredPartSets(db: Db, { before }: { before: Date }): Promise<PartSet[]> {
  return db
    .selectDistinct({ from: inboundMessageParts.fromNumber, to: inboundMessageParts.toNumber, reference: inboundMessageParts.reference, totalParts: inboundMessageParts.totalParts })
    .from(inboundMessageParts)
    .where(and(isNull(inboundMessageParts.joinedAt), lt(inboundMessageParts.createdAt, before)))
    .limit(100);
}

/** Forgets joined parts once no provider retry of them can arrive any more. */
export async function deleteJoinedParts(db: Db, { before }: { before: Date }) {
  const rows = await db
    .delete(inboundMessageParts)
    .where(and(isNotNull(inboundMessageParts.joinedAt), lt(inboundMessageParts.joinedAt, before)))
    .returning({ id: inboundMessageParts.providerMessageId });
  return rows.length;
}

/** The conversation summary's preview of a message. */
export const messagePreview = (body: string) => body.slice(0, 200);

export type StoredInboundMessage = { companyId: string; messageId: string; conversationId: string; customerId: string; notified: NotificationDelivery[] };

/**
 * The one writer of inbound message rows, in one statement for any number of texts: each
 * on its sender's open conversation, each conversation's summary once (its latest text; a
 * late message does not replace a newer preview) and the assignees' notifications, as
 * their matrix (`newMessageRule`) wants them. One result per text, in order: null when
 * the sender has no open conversation yet, or the message is already stored.
 */
export async function storeInboundOnOpenConversations(db: Db, texts: (InboundSmsValues & { acceptedAt: Date })[], newMessageRule: ChannelRule): Promise<(StoredInboundMessage | null)[]> {
  if (!texts.length) return [];
  // Our time orders the inbox and sets unread (`at`); the provider's is kept as when it was sent.
  const input = texts.map((sms, n) => ({
    n,
    provider: sms.provider,
    provider_message_id: sms.providerMessageId,
    from_number: sms.from,
    to_number: sms.to,
    body: sms.text,
    preview: messagePreview(sms.text),
    sent_at: sms.receivedAt.toISOString(),
    at: sms.acceptedAt.toISOString(),
  }));
  const rows = await queryPrepared<{ n: number; company_id: string; message_id: string; conversation_id: string; customer_id: string; notified: NotificationDelivery[] | null }>(
    db,
    "inbound_sms_fast_path",
    sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        as i(n int, provider text, provider_message_id text, from_number text, to_number text, body text, preview text, sent_at timestamptz, at timestamptz)
    ),
    target as (
      select i.*, cv.company_id, cv.id as conversation_id, cv.customer_id, cv.assignee_user_id, cv.assignee_team_id,
             coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.mobile) as customer_name
      from input i
      join companies co on co.sender_number = i.to_number
      join customers c on c.company_id = co.id and c.mobile = i.from_number and c.merged_into_id is null
      join conversations cv on cv.customer_id = c.id and cv.archived = false and cv.status = 'open'
    ),
    message as (
      insert into messages (company_id, conversation_id, customer_id, direction, body, source_kind, status, provider,
                            provider_message_id, segments, from_number, to_number, sent_at, created_at)
      select company_id, conversation_id, customer_id, 'inbound', body, 'customer', 'received', provider,
             provider_message_id, 1, from_number, to_number, sent_at, at
      from target order by n
      on conflict do nothing
      returning id, conversation_id, provider, provider_message_id
    ),
    stored as (
      select t.*, m.id as message_id
      from target t join message m on m.conversation_id = t.conversation_id and m.provider = t.provider and m.provider_message_id = t.provider_message_id
    ),
    latest as (
      select distinct on (conversation_id) conversation_id, at, preview from stored order by conversation_id, at desc, n desc
    ),
    summary as (
      update conversations cv set
        last_activity_at = greatest(cv.last_activity_at, l.at),
        last_inbound_at = greatest(coalesce(cv.last_inbound_at, l.at), l.at),
        last_message_preview = case when l.at >= cv.last_activity_at then l.preview else cv.last_message_preview end,
        last_message_direction = case when l.at >= cv.last_activity_at then 'inbound' else cv.last_message_direction end,
        updated_at = now()
      from latest l where cv.id = l.conversation_id
      returning cv.id
    ),
    recipients as (
      select s.message_id, s.assignee_user_id as user_id from stored s where s.assignee_user_id is not null
      union
      select s.message_id, tm.user_id from stored s join team_members tm on tm.team_id = s.assignee_team_id
      where s.assignee_user_id is null
    ),
    deliveries as (
      select r.message_id, r.user_id, ${channelWantedSql(sql`u.notification_preferences`, sql`mb.role`, newMessageRule, "web")} as web,
             ${channelWantedSql(sql`u.notification_preferences`, sql`mb.role`, newMessageRule, "email")} as email,
             ${channelWantedSql(sql`u.notification_preferences`, sql`mb.role`, newMessageRule, "push")} as push
      from recipients r
      join stored s on s.message_id = r.message_id
      join memberships mb on mb.user_id = r.user_id and mb.company_id = s.company_id and mb.active
      join users u on u.id = r.user_id
    ),
    notified as (
      insert into notifications (company_id, user_id, kind, data, link, web, push, email_status)
      select s.company_id, d.user_id, 'conversation.new_message',
             jsonb_build_object('conversationId', s.conversation_id, 'messageId', s.message_id, 'customerName', s.customer_name, 'preview', s.preview),
             '/conversations/' || s.conversation_id,
             d.web, d.push, case when d.email then 'pending' end
      from deliveries d join stored s on s.message_id = d.message_id
      where d.web or d.email or d.push
      returning user_id, web, push, email_status, (data->>'messageId')::uuid as message_id
    )
    select s.n, s.company_id, s.message_id, s.conversation_id, s.customer_id,
           (select json_agg(json_build_object('userId', nt.user_id, 'web', nt.web, 'email', nt.email_status is not null, 'push', nt.push))
            from notified nt where nt.message_id = s.message_id) as notified,
           (select count(*) from summary) as summarised
    from stored s order by s.n`,
  );
  const byText = new Map(rows.map((row) => [Number(row.n), row]));
  return texts.map((_, n) => {
    const row = byText.get(n);
    return row ? { companyId: row.company_id, messageId: row.message_id, conversationId: row.conversation_id, customerId: row.customer_id, notified: row.notified ?? [] } : null;
  });
}

export async function findMessageConversation(db: Db, { companyId, messageId }: { companyId: string; messageId: string }) {
  const [row] = await db
    .select({ id: messages.id, conversationId: messages.conversationId, customerId: messages.customerId })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.id, messageId)))
    .limit(1);
  return row;
}

export async function findMessageByProviderId(db: Db, { companyId, provider, providerMessageId }: { companyId: string; provider: InboundProvider; providerMessageId: string }) {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.provider, provider), eq(messages.providerMessageId, providerMessageId)))
    .limit(1);
  return row;
}

/** The system message sent in answer to one inbound SMS (its source), if already sent. */
export async function findReplyToInbound(db: Db, { companyId, inboundSmsId }: { companyId: string; inboundSmsId: string }) {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.sourceKind, "system"), eq(messages.sourceId, inboundSmsId)))
    .limit(1);
  return row;
}

export type CustomerRow = typeof customers.$inferSelect;

export async function findCustomerByMobile(db: Db, { companyId, mobile }: { companyId: string; mobile: string }) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.companyId, companyId), eq(customers.mobile, mobile), isNull(customers.mergedIntoId)))
    .limit(1);
  return row;
}

/** A customer with no name yet; undefined when another request created it a moment ago. */
export async function insertCustomerForNumber(db: Db, values: Pick<typeof customers.$inferInsert, "companyId" | "mobile" | "language" | "searchText">) {
  const [row] = await db.insert(customers).values(values).onConflictDoNothing().returning();
  return row;
}

