import { and, eq, sql } from "drizzle-orm";
import { getDb, queryPrepared, queryRows, type Db } from "@/db/client";
import { inboundMessageParts, inboundSms } from "@/db/schema";
import { inboundSmsReceived } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { env } from "@/lib/env";
import { receiveSms, type InboundSms } from "./inbound";
import type { SendDependencies } from "./send";

/**
 * Inbound SMS are a row before they are anything else (ARCHITECTURE.md): the webhook
 * stores the raw message with one idempotent INSERT and answers; processing (customer,
 * conversation, routing, STOP handling, notifications) follows at once in the background
 * and is retried by a sweep until it succeeds.
 */
export async function acceptInboundSms(db: Db, sms: InboundSms): Promise<{ status: "accepted" | "duplicate"; id?: string }> {
  const [row] = await queryPrepared<{ id: string }>(
    db,
    "accept_inbound_sms",
    sql`insert into inbound_sms (provider, provider_message_id, from_number, to_number, text, received_at)
        values (${sms.provider}, ${sms.providerMessageId}, ${sms.from}, ${sms.to}, ${sms.text}, ${sms.receivedAt.toISOString()}::timestamptz)
        on conflict (provider, provider_message_id) do nothing
        returning id`,
  );
  return row ? { status: "accepted", id: row.id } : { status: "duplicate" };
}

/**
 * One part of a multipart SMS from the legacy SMS API. Parts are kept until all have
 * arrived, then joined in order and accepted as one message.
 */
export async function acceptInboundSmsPart(
  db: Db,
  part: Omit<InboundSms, "providerMessageId"> & { partProviderId: string; reference: string; partNumber: number; totalParts: number },
): Promise<{ status: "accepted" | "duplicate" | "waiting_for_parts"; id?: string }> {
  await db
    .insert(inboundMessageParts)
    .values({
      toNumber: part.to,
      fromNumber: part.from,
      reference: part.reference,
      partNumber: part.partNumber,
      totalParts: part.totalParts,
      providerMessageId: part.partProviderId,
      text: part.text,
    })
    .onConflictDoNothing();
  const parts = await db
    .select()
    .from(inboundMessageParts)
    .where(and(eq(inboundMessageParts.toNumber, part.to), eq(inboundMessageParts.fromNumber, part.from), eq(inboundMessageParts.reference, part.reference)));
  if (parts.length < part.totalParts) return { status: "waiting_for_parts" };
  const text = parts.sort((a, b) => a.partNumber - b.partNumber).map((p) => p.text).join("");
  return acceptInboundSms(db, {
    provider: part.provider,
    providerMessageId: `concat:${part.from}:${part.reference}`,
    from: part.from,
    to: part.to,
    text,
    receivedAt: part.receivedAt,
  });
}

type Claimed = {
  id: string;
  provider: "vonage" | "local";
  provider_message_id: string;
  from_number: string;
  to_number: string;
  text: string;
  received_at: Date | string;
};

const CLAIM_TIMEOUT = "1 minute";
const MAX_ATTEMPTS = 10;
const PARALLEL_SENDERS = 8;

async function claimBatch(db: Db, limit: number) {
  return queryRows<Claimed>(
    db,
    sql`update inbound_sms set claimed_at = now(), attempts = attempts + 1
        where id in (
          select id from inbound_sms
          where processed_at is null
            and (claimed_at is null or claimed_at < now() - ${CLAIM_TIMEOUT}::interval)
            and attempts < ${MAX_ATTEMPTS}
          order by created_at
          limit ${limit}
          for update skip locked
        )
        returning id, provider, provider_message_id, from_number, to_number, text, received_at`,
  );
}

async function processOne(db: Db, row: Claimed, dependencies: SendDependencies) {
  try {
    const outcome = await receiveSms(
      db,
      {
        provider: row.provider,
        providerMessageId: row.provider_message_id,
        from: row.from_number,
        to: row.to_number,
        text: row.text,
        receivedAt: new Date(row.received_at),
      },
      dependencies,
    );
    await db
      .update(inboundSms)
      .set({ processedAt: new Date(), outcome: outcome.status, messageId: "messageId" in outcome ? outcome.messageId : null, lastError: null })
      .where(eq(inboundSms.id, row.id));
  } catch (error) {
    console.error("[inbound] processing failed; it will be retried", error);
    await db.update(inboundSms).set({ claimedAt: null, lastError: String(error) }).where(eq(inboundSms.id, row.id));
  }
}

/**
 * Turns every pending inbound SMS into conversation messages. One sender's messages stay
 * in order; different senders are handled side by side. Safe to run concurrently.
 */
export async function processPendingInbound(db: Db, { batchSize = 200, dependencies = {} }: { batchSize?: number; dependencies?: SendDependencies } = {}) {
  let processed = 0;
  for (;;) {
    const batch = await claimBatch(db, batchSize);
    const bySender = new Map<string, Claimed[]>();
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

type DrainState = { running: Promise<void> | null; again: boolean };
const drain: DrainState = ((globalThis as { __parleyInboundDrain?: DrainState }).__parleyInboundDrain ??= { running: null, again: false });

/** Processes pending inbound SMS in this process now; calls during a drain fold into it. */
export function requestInboundDrain() {
  if (drain.running) {
    drain.again = true;
    return;
  }
  drain.running = (async () => {
    do {
      drain.again = false;
      await processPendingInbound(await getDb());
    } while (drain.again);
  })()
    .catch((error: unknown) => console.error("[inbound] drain failed; the sweep will retry", error))
    .finally(() => {
      drain.running = null;
    });
}

/** Resolves once this process has no inbound drain running (tests, shutdown). */
export async function inboundDrainSettled() {
  while (drain.running) await drain.running;
}

/** After the webhook stored a message: process it here, or nudge the Inngest engine. */
export async function afterInboundAccepted(id: string) {
  if (env().backgroundEngine === "in-process") requestInboundDrain();
  else await nudge(inboundSmsReceived.create({ id }));
}
