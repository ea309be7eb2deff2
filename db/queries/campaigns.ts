import "server-only";
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  customers,
  messages,
  notes,
  type CampaignSkipReason,
  type CampaignStatus,
} from "@/db/schema";
import { audienceSelect, customerSkipReasonSql, type AudienceQuery } from "./audience";
import { outcomeColumns, type SendOutcome } from "./send-outcome";
import type { CampaignRecipientFilter } from "@/lib/campaigns/validation";

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignRecipientRow = typeof campaignRecipients.$inferSelect;
export type CampaignCursor = { createdAt: string; id: string };

type Scope = { companyId: string; campaignId: string };

export async function insertCampaign(db: Db, values: Omit<typeof campaigns.$inferInsert, "id" | "createdAt" | "updatedAt" | "status">) {
  const [row] = await db.insert(campaigns).values({ ...values, status: "draft" }).returning();
  return row!;
}

/** Edits a draft or a scheduled campaign; a scheduled one goes back to draft (it must be confirmed again). */
export async function updateCampaignDraft(db: Db, { companyId, campaignId, values }: Scope & { values: Partial<typeof campaigns.$inferInsert> }) {
  const [row] = await db
    .update(campaigns)
    .set({ ...values, status: "draft", confirmedCount: null, confirmedAt: null, confirmedByUserId: null, updatedAt: new Date() })
    .where(and(eq(campaigns.companyId, companyId), eq(campaigns.id, campaignId), inArray(campaigns.status, ["draft", "scheduled"])))
    .returning();
  return row;
}

export async function findCampaign(db: Db, { companyId, campaignId }: Scope) {
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.companyId, companyId), eq(campaigns.id, campaignId))).limit(1);
  return row;
}

/** Moves a campaign from one of `from` to `to` (with the stamp that goes with it); undefined when it was not in `from`. */
export async function setCampaignStatus(
  db: Db,
  { companyId, campaignId, from, to, values = {} }: Scope & { from: CampaignStatus[]; to: CampaignStatus; values?: Partial<typeof campaigns.$inferInsert> },
) {
  const [row] = await db
    .update(campaigns)
    .set({ ...values, status: to, updatedAt: new Date() })
    .where(and(eq(campaigns.companyId, companyId), eq(campaigns.id, campaignId), inArray(campaigns.status, from)))
    .returning();
  return row;
}

const progressColumns = sql`
  count(*)::int as total,
  count(*) filter (where r.status in ('pending', 'sending'))::int as pending,
  count(*) filter (where r.status = 'sent')::int as sent,
  count(*) filter (where r.status = 'sent' and m.status = 'delivered')::int as delivered,
  count(*) filter (where r.status = 'failed' or m.status = 'failed')::int as failed,
  count(*) filter (where r.status = 'skipped')::int as skipped,
  count(*) filter (where r.status = 'cancelled')::int as cancelled,
  count(*) filter (where r.replied_at is not null)::int as replied,
  count(*) filter (where r.opted_out_at is not null)::int as opted_out`;

export type CampaignProgress = {
  total: number;
  pending: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
  cancelled: number;
  replied: number;
  optedOut: number;
};

type ProgressRow = { total: number; pending: number; sent: number; delivered: number; failed: number; skipped: number; cancelled: number; replied: number; opted_out: number };

const toProgress = (row: ProgressRow | undefined): CampaignProgress => ({
  total: Number(row?.total ?? 0),
  pending: Number(row?.pending ?? 0),
  sent: Number(row?.sent ?? 0),
  delivered: Number(row?.delivered ?? 0),
  failed: Number(row?.failed ?? 0),
  skipped: Number(row?.skipped ?? 0),
  cancelled: Number(row?.cancelled ?? 0),
  replied: Number(row?.replied ?? 0),
  optedOut: Number(row?.opted_out ?? 0),
});

/** The campaign's counts; delivered and failed from its messages' status (carrier receipts). */
export async function campaignProgress(db: Db, { companyId, campaignId }: Scope): Promise<CampaignProgress> {
  const [row] = await queryRows<ProgressRow>(
    db,
    sql`select ${progressColumns}
        from campaign_recipients r left join messages m on m.id = r.message_id and m.company_id = r.company_id
        where r.company_id = ${companyId} and r.campaign_id = ${campaignId}`,
  );
  return toProgress(row);
}

/** The company's campaigns, newest first (keyset on created_at, id), each with its progress counts. */
export async function listCampaigns(db: Db, { companyId, cursor, limit = 50 }: { companyId: string; cursor?: CampaignCursor | null; limit?: number }) {
  const after = cursor
    ? or(lt(campaigns.createdAt, new Date(cursor.createdAt)), and(eq(campaigns.createdAt, new Date(cursor.createdAt)), lt(campaigns.id, cursor.id)))
    : undefined;
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.companyId, companyId), after))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const counts = page.length
    ? await queryRows<ProgressRow & { campaign_id: string }>(
        db,
        sql`select r.campaign_id, ${progressColumns}
            from campaign_recipients r left join messages m on m.id = r.message_id and m.company_id = r.company_id
            where r.company_id = ${companyId} and r.campaign_id in (${sql.join(page.map((row) => sql`${row.id}::uuid`), sql`, `)})
            group by r.campaign_id`,
      )
    : [];
  const byId = new Map(counts.map((row) => [row.campaign_id, toProgress(row)]));
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ ...row, progress: byId.get(row.id) ?? toProgress(undefined) })),
    nextCursor: rows.length > limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  };
}


function recipientFilter(status: CampaignRecipientFilter | null | undefined): SQL | undefined {
  switch (status) {
    case "sent":
      return eq(campaignRecipients.status, "sent");
    case "delivered":
      return and(eq(campaignRecipients.status, "sent"), eq(messages.status, "delivered"));
    case "failed":
      return or(eq(campaignRecipients.status, "failed"), eq(messages.status, "failed"));
    case "skipped":
      return eq(campaignRecipients.status, "skipped");
    case "replied":
      return sql`${campaignRecipients.repliedAt} is not null`;
    case "opted_out":
      return sql`${campaignRecipients.optedOutAt} is not null`;
    default:
      return undefined;
  }
}

/**
 * One page of a campaign's recipients, in planning order (keyset on created_at, id): the
 * customer, their conversation, the status with its skip reason or carrier error, the
 * reply and how many notes it has.
 */
export async function listCampaignRecipients(
  db: Db,
  {
    companyId,
    campaignId,
    status,
    cursor,
    recipientId,
    limit = 50,
  }: Scope & { status?: CampaignRecipientFilter | null; cursor?: CampaignCursor | null; recipientId?: string | null; limit?: number },
) {
  const replies = sql`(select body from messages rm where rm.id = ${campaignRecipients.replyMessageId} and rm.company_id = ${companyId})`;
  const noteCount = sql<number>`(select count(*)::int from notes n where n.company_id = ${companyId} and n.campaign_recipient_id = ${campaignRecipients.id})`;
  const after = cursor
    ? or(
        sql`${campaignRecipients.createdAt} > ${cursor.createdAt}::timestamptz`,
        and(sql`${campaignRecipients.createdAt} = ${cursor.createdAt}::timestamptz`, sql`${campaignRecipients.id} > ${cursor.id}::uuid`),
      )
    : undefined;
  const rows = await db
    .select({
      id: campaignRecipients.id,
      customerId: campaignRecipients.customerId,
      customerName: sql<string>`trim(${customers.firstName} || ' ' || ${customers.lastName})`,
      mobile: campaignRecipients.mobile,
      conversationId: sql<string | null>`coalesce(${messages.conversationId}, (select cv.id from conversations cv where cv.company_id = ${companyId} and cv.customer_id = ${campaignRecipients.customerId} order by cv.last_activity_at desc nulls last limit 1))`,
      status: campaignRecipients.status,
      messageStatus: messages.status,
      skipReason: campaignRecipients.skipReason,
      error: sql<string | null>`coalesce(${campaignRecipients.error}, ${messages.errorText}, ${messages.errorCode})`,
      sentAt: campaignRecipients.sentAt,
      replyBody: sql<string | null>`${replies}`,
      repliedAt: campaignRecipients.repliedAt,
      optedOutAt: campaignRecipients.optedOutAt,
      noteCount,
      createdAt: campaignRecipients.createdAt,
    })
    .from(campaignRecipients)
    .innerJoin(customers, eq(customers.id, campaignRecipients.customerId))
    .leftJoin(messages, and(eq(messages.id, campaignRecipients.messageId), eq(messages.companyId, companyId)))
    .where(
      and(
        eq(campaignRecipients.companyId, companyId),
        eq(campaignRecipients.campaignId, campaignId),
        recipientId ? eq(campaignRecipients.id, recipientId) : undefined,
        recipientFilter(status),
        after,
      ),
    )
    .orderBy(campaignRecipients.createdAt, campaignRecipients.id)
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((row) => ({ ...row, noteCount: Number(row.noteCount) }));
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null };
}

export async function findCampaignRecipient(db: Db, { companyId, recipientId }: { companyId: string; recipientId: string }) {
  const [row] = await db
    .select()
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.companyId, companyId), eq(campaignRecipients.id, recipientId)))
    .limit(1);
  return row;
}

export async function listRecipientNotes(db: Db, { companyId, recipientIds }: { companyId: string; recipientIds: string[] }) {
  if (recipientIds.length === 0) return [];
  return db
    .select()
    .from(notes)
    .where(and(eq(notes.companyId, companyId), inArray(notes.campaignRecipientId, recipientIds)))
    .orderBy(notes.createdAt);
}

// ——— Planning ———

/**
 * The campaign's audience, one row per customer, with why each would be skipped (or null):
 * opted out, unsubscribed, no mobile, or a later customer sharing a mobile number. The
 * dry run counts it, the plan inserts it: the same SQL, so the counts agree.
 */
export function recipientPlanSelect(query: Omit<AudienceQuery, "subject">, category: "general" | "marketing"): SQL {
  return sql`select customer_id, mobile, coalesce(refusal, case when same_number > 1 then 'duplicate_number' end) as skip_reason
    from (
      select c.id as customer_id, nullif(c.mobile, '') as mobile, ${customerSkipReasonSql(category)} as refusal,
             row_number() over (partition by nullif(c.mobile, '') order by c.created_at, c.id) as same_number
      from (${audienceSelect({ ...query, subject: "customer" })}) audience
      join customers c on c.id = audience.customer_id and c.company_id = ${query.companyId}
    ) planned`;
}

/** How many the plan would skip, per reason (null: will receive). */
export async function countPlan(db: Db, plan: SQL) {
  const rows = await queryRows<{ skip_reason: CampaignSkipReason | null; count: number }>(db, sql`select skip_reason, count(*)::int as count from (${plan}) plan group by skip_reason`);
  return rows.map((row) => ({ skipReason: row.skip_reason, count: Number(row.count) }));
}

/** The first customers the plan texts, in planning order (the dry run's sample). */
export async function samplePlan(db: Db, plan: SQL, limit: number) {
  const rows = await queryRows<{ customer_id: string }>(db, sql`select customer_id from (${plan}) plan where skip_reason is null order by customer_id limit ${limit}`);
  return rows.map((row) => row.customer_id);
}

/**
 * Claims the planning of a sending campaign and materialises its recipients in one
 * INSERT … SELECT … ON CONFLICT DO NOTHING, in one transaction: a second runner finds it
 * planned and inserts nothing. Returns the number of rows inserted, or null when another
 * runner planned it.
 */
export async function planCampaignRecipients(db: Db, { companyId, campaignId, plan, now }: Scope & { plan: SQL; now: Date }) {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(campaigns)
      .set({ plannedAt: now, updatedAt: now })
      .where(and(eq(campaigns.companyId, companyId), eq(campaigns.id, campaignId), isNull(campaigns.plannedAt)))
      .returning({ id: campaigns.id });
    if (!claimed) return null;
    const [row] = await queryRows<{ count: number }>(
      tx,
      sql`with inserted as (
            insert into campaign_recipients (company_id, campaign_id, customer_id, mobile, status, skip_reason, created_at, updated_at)
            select ${companyId}::uuid, ${campaignId}::uuid, plan.customer_id, plan.mobile,
                   case when plan.skip_reason is null then 'pending' else 'skipped' end, plan.skip_reason,
                   ${now}::timestamptz, ${now}::timestamptz
            from (${plan}) plan
            on conflict (campaign_id, customer_id) do nothing
            returning 1
          )
          select count(*)::int as count from inserted`,
    );
    return Number(row?.count ?? 0);
  });
}

// ——— Sending ———

/** Campaigns whose time came: scheduled → sending (planning follows). */
export async function startDueCampaigns(db: Db, { now }: { now: Date }) {
  return db
    .update(campaigns)
    .set({ status: "sending", startedAt: now, updatedAt: now })
    .where(and(eq(campaigns.status, "scheduled"), or(isNull(campaigns.sendAt), sql`${campaigns.sendAt} <= ${now.toISOString()}::timestamptz`)))
    .returning({ id: campaigns.id, companyId: campaigns.companyId });
}

/** Every campaign a runner has work on, across companies. */
export async function listSendingCampaigns(db: Db, { limit = 100 }: { limit?: number } = {}) {
  return db.select({ id: campaigns.id, companyId: campaigns.companyId }).from(campaigns).where(eq(campaigns.status, "sending")).orderBy(campaigns.startedAt).limit(limit);
}

export type ClaimedRecipient = { id: string; customerId: string };

/**
 * Takes up to `limit` pending recipients of a campaign that is sending, in planning order,
 * and a claim older than `staleBefore` (a worker that died), for this worker: pending →
 * sending. The pending ones come from their own partial index (only what is left to send
 * is read, however far along the campaign is); the stale ones by campaign and status.
 */
export async function claimPendingRecipients(db: Db, { companyId, campaignId, limit, now, staleBefore }: Scope & { limit: number; now: Date; staleBefore: Date }): Promise<ClaimedRecipient[]> {
  const rows = await queryRows<{ id: string; customer_id: string }>(
    db,
    sql`with sending as (select 1 from campaigns k where k.company_id = ${companyId} and k.id = ${campaignId} and k.status = 'sending'),
        stale as (
          select r.id from campaign_recipients r
          where r.campaign_id = ${campaignId} and r.status = 'sending' and r.claimed_at < ${staleBefore}::timestamptz and exists (select 1 from sending)
          limit ${limit}
          for update skip locked
        ),
        pending as (
          select r.id from campaign_recipients r
          where r.campaign_id = ${campaignId} and r.status = 'pending' and exists (select 1 from sending)
          order by r.created_at, r.id
          limit ${limit}
          for update skip locked
        ),
        taken as (select id from stale union all select id from pending limit ${limit})
        update campaign_recipients r set status = 'sending', claimed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
        from taken
        where r.id = taken.id and r.company_id = ${companyId}
          and (r.status = 'pending' or (r.status = 'sending' and r.claimed_at < ${staleBefore}::timestamptz))
        returning r.id, r.customer_id`,
  );
  return rows.map((row) => ({ id: row.id, customerId: row.customer_id }));
}

export type RecipientOutcome = SendOutcome<CampaignSkipReason>;

/**
 * sending → sent / skipped / failed, once. A text handed over while the campaign was being
 * cancelled still counts as sent (or failed): the results add up to what customers got.
 */
export async function settleRecipient(db: Db, { companyId, recipientId, outcome, now }: { companyId: string; recipientId: string; outcome: RecipientOutcome; now: Date }) {
  const [settled] = await settleRecipients(db, { companyId, settles: [{ recipientId, outcome }], now });
  return settled;
}

/** settleRecipient for a batch, in one UPDATE … FROM (VALUES …); returns the ids settled. */
export async function settleRecipients(db: Db, { companyId, settles, now }: { companyId: string; settles: { recipientId: string; outcome: RecipientOutcome }[]; now: Date }) {
  if (settles.length === 0) return [];
  const values = sql.join(
    settles.map(({ recipientId, outcome }) => {
      const columns = outcomeColumns(outcome) as { status: string; messageId?: string | null; sentAt?: Date; error?: string; skipReason?: string };
      return sql`(${recipientId}::uuid, ${columns.status}::text, ${columns.messageId ?? null}::uuid, ${columns.sentAt?.toISOString() ?? null}::timestamptz, ${columns.error ?? null}::text, ${columns.skipReason ?? null}::text)`;
    }),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update campaign_recipients r set
          status = v.status, message_id = coalesce(v.message_id, r.message_id), sent_at = coalesce(v.sent_at, r.sent_at),
          error = coalesce(v.error, r.error), skip_reason = coalesce(v.skip_reason, r.skip_reason),
          claimed_at = null, updated_at = ${now.toISOString()}::timestamptz
        from (values ${values}) as v(id, status, message_id, sent_at, error, skip_reason)
        where r.company_id = ${companyId} and r.id = v.id and (r.status = 'sending' or (r.status = 'cancelled' and v.status <> 'skipped'))
        returning r.id`,
  );
  return rows.map((row) => row.id);
}

/**
 * Gives claimed recipients back (paused, quiet hours, an unexpected error): sent later —
 * or cancelled when their campaign was cancelled meanwhile, so no runner ever sends them.
 */
export async function releaseRecipients(db: Db, { companyId, recipientIds }: { companyId: string; recipientIds: string[] }) {
  if (recipientIds.length === 0) return;
  await db.execute(sql`
    update campaign_recipients r
    set status = case when k.status = 'cancelled' then 'cancelled' else 'pending' end, claimed_at = null, updated_at = now()
    from campaigns k
    where k.id = r.campaign_id and r.company_id = ${companyId} and r.status = 'sending'
      and r.id in (${sql.join(recipientIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** Whether the campaign is still sending (pause and cancel are noticed before each send). */
export async function isCampaignSending(db: Db, { companyId, campaignId }: Scope) {
  const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(and(eq(campaigns.companyId, companyId), eq(campaigns.id, campaignId))).limit(1);
  return row?.status === "sending";
}

/**
 * Cancelling: every recipient not yet texted is cancelled, the ones a runner holds too (its
 * settle still records a text it was handing over at that very moment).
 */
export async function cancelPendingRecipients(db: Db, { companyId, campaignId, now }: Scope & { now: Date }) {
  const rows = await db
    .update(campaignRecipients)
    .set({ status: "cancelled", claimedAt: null, updatedAt: now })
    .where(and(eq(campaignRecipients.companyId, companyId), eq(campaignRecipients.campaignId, campaignId), inArray(campaignRecipients.status, ["pending", "sending"])))
    .returning({ id: campaignRecipients.id });
  return rows.length;
}

/** The message already sent for a recipient (a worker died between the send and the settle): its idempotency key. */
export async function findRecipientMessage(db: Db, { companyId, recipientId }: { companyId: string; recipientId: string }) {
  return (await findRecipientMessages(db, { companyId, recipientIds: [recipientId] })).get(recipientId);
}

export async function findRecipientMessages(db: Db, { companyId, recipientIds }: { companyId: string; recipientIds: string[] }) {
  if (recipientIds.length === 0) return new Map<string, RecipientMessage>();
  const rows = await db
    .select({ id: messages.id, sourceId: messages.sourceId, status: messages.status, providerMessageId: messages.providerMessageId, errorCode: messages.errorCode, errorText: messages.errorText, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.sourceKind, "campaign"), inArray(messages.sourceId, recipientIds)));
  return new Map(rows.map((row) => [row.sourceId!, row]));
}

export type RecipientMessage = Pick<typeof messages.$inferSelect, "id" | "status" | "providerMessageId" | "errorCode" | "errorText" | "createdAt">;

/** How a recipient whose message exists ended. */
export function outcomeOfMessage(message: RecipientMessage): RecipientOutcome {
  return message.status === "failed"
    ? { status: "failed", messageId: message.id, error: message.errorText ?? message.errorCode ?? "failed" }
    : { status: "sent", messageId: message.id, sentAt: message.createdAt };
}

/**
 * In the transaction that records a batch's texts: whether the campaign is still sending,
 * holding a share lock so a pause or cancel waits for the batch's commit (or comes first).
 */
export async function lockSendingCampaign(tx: Db, { companyId, campaignId }: Scope) {
  const rows = await queryRows<{ id: string }>(tx, sql`select id from campaigns where company_id = ${companyId} and id = ${campaignId} and status = 'sending' for share`);
  return rows.length > 0;
}

/** A batch's texts, one INSERT; a recipient that already has one (its idempotency key) is left out. */
export async function insertCampaignMessages(tx: Db, rows: Omit<typeof messages.$inferInsert, "id" | "direction" | "sourceKind">[]) {
  if (rows.length === 0) return [];
  return tx
    .insert(messages)
    .values(rows.map((row) => ({ ...row, direction: "outbound" as const, sourceKind: "campaign" as const })))
    .onConflictDoNothing({ target: messages.sourceId, where: sql`source_kind = 'campaign'` })
    .returning();
}

/** sending → completed once no recipient is left to text; undefined when some still are (or another runner completed it). */
export async function completeCampaignIfDone(db: Db, { companyId, campaignId, now }: Scope & { now: Date }) {
  const [row] = await db
    .update(campaigns)
    .set({ status: "completed", completedAt: now, updatedAt: now })
    .where(
      and(
        eq(campaigns.companyId, companyId),
        eq(campaigns.id, campaignId),
        eq(campaigns.status, "sending"),
        sql`${campaigns.plannedAt} is not null`,
        sql`not exists (select 1 from campaign_recipients r where r.campaign_id = ${campaigns.id} and r.status in ('pending', 'sending'))`,
      ),
    )
    .returning();
  return row;
}

// ——— Replies ———

/** The latest campaign text sent to this customer before `at`, within `windowDays`. */
export async function findCampaignReplyTarget(db: Db, { companyId, customerId, at, windowDays }: { companyId: string; customerId: string; at: Date; windowDays: number }) {
  const [row] = await db
    .select({ recipient: campaignRecipients, campaign: campaigns })
    .from(campaignRecipients)
    .innerJoin(campaigns, eq(campaigns.id, campaignRecipients.campaignId))
    .where(
      and(
        eq(campaignRecipients.companyId, companyId),
        eq(campaignRecipients.customerId, customerId),
        eq(campaignRecipients.status, "sent"),
        sql`${campaignRecipients.sentAt} <= ${at.toISOString()}::timestamptz`,
        sql`${campaignRecipients.sentAt} > ${at.toISOString()}::timestamptz - make_interval(days => ${windowDays}::int)`,
      ),
    )
    .orderBy(sql`${campaignRecipients.sentAt} desc`)
    .limit(1);
  return row;
}

/**
 * The sweep's backstop: inbound texts since `since` that answer a campaign text (the
 * latest text the customer got before it, within the window) but were never recorded on
 * its recipient — the in-process call or the event was lost. Oldest first.
 */
export async function listUnattributedCampaignReplies(db: Db, { since, windowDays, limit = 200 }: { since: Date; windowDays: number; limit?: number }) {
  return queryRows<{ company_id: string; message_id: string }>(
    db,
    sql`select m.company_id, m.id as message_id
        from messages m
        where m.direction = 'inbound' and m.created_at > ${since}::timestamptz
          and exists (
            select 1 from campaign_recipients r
            where r.company_id = m.company_id and r.customer_id = m.customer_id and r.status = 'sent' and r.reply_message_id is null
              and r.sent_at <= m.created_at and r.sent_at > m.created_at - make_interval(days => ${windowDays}::int)
              and not exists (
                select 1 from campaign_recipients later
                where later.company_id = r.company_id and later.customer_id = r.customer_id and later.status = 'sent'
                  and later.sent_at > r.sent_at and later.sent_at <= m.created_at
              )
              and not exists (
                select 1 from automation_results later
                where later.company_id = r.company_id and later.customer_id = r.customer_id and later.status = 'sent'
                  and later.sent_at > r.sent_at and later.sent_at <= m.created_at
              )
          )
        order by m.created_at, m.id
        limit ${limit}`,
  );
}

/** The first reply to a campaign text is recorded on its recipient; STOP sets opted_out_at too. */
export async function recordRecipientReply(
  db: Db,
  { companyId, recipientId, messageId, at, optedOut }: { companyId: string; recipientId: string; messageId: string; at: Date; optedOut: boolean },
) {
  const [row] = await db
    .update(campaignRecipients)
    .set({
      replyMessageId: sql`coalesce(${campaignRecipients.replyMessageId}, ${messageId}::uuid)`,
      repliedAt: sql`coalesce(${campaignRecipients.repliedAt}, ${at.toISOString()}::timestamptz)`,
      ...(optedOut ? { optedOutAt: sql`coalesce(${campaignRecipients.optedOutAt}, ${at.toISOString()}::timestamptz)` } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(campaignRecipients.companyId, companyId), eq(campaignRecipients.id, recipientId)))
    .returning();
  return row;
}

/** The campaigns these recipients belong to (a message's source label in the conversation). */
export async function campaignSourcesOf(db: Db, { companyId, recipientIds }: { companyId: string; recipientIds: string[] }) {
  if (recipientIds.length === 0) return [];
  return db
    .select({ recipientId: campaignRecipients.id, campaignId: campaigns.id, campaignName: campaigns.name })
    .from(campaignRecipients)
    .innerJoin(campaigns, and(eq(campaigns.id, campaignRecipients.campaignId), eq(campaigns.companyId, campaignRecipients.companyId)))
    .where(and(eq(campaignRecipients.companyId, companyId), inArray(campaignRecipients.id, recipientIds)));
}
