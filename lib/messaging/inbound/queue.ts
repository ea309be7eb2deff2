import "server-only";
import type { Db } from "@/db/client";
import { claimInboundSms, markInboundSmsStoredAll, releaseInboundSmsClaim, storeInboundOnOpenConversations, type ClaimedInboundSms, type StoredInboundMessage } from "@/db/queries/inbound";
import { checkAutomationReplies, type StoredInboundReply } from "@/lib/automations/reply-check";
import { classifyOptOut } from "@/lib/compliance/opt-out";
import { nudgeWebhookDelivery } from "@/lib/webhooks/record";
import type { SendDependencies } from "../send";
import { announceStored, NEW_MESSAGE_RULE, processInboundSms, recordMessagesReceived, type InboundStep, type ProcessOptions } from "./process";
import type { InboundSms } from "./types";

/**
 * A claim only keeps two workers off the same row; processing is idempotent, so a claim
 * stranded by a database blip (the release failed too) need not wait long.
 */
export const CLAIM_TIMEOUT = "10 seconds";
const MAX_ATTEMPTS = 10;
const PARALLEL_SENDERS = 8;

const claimedSms = (row: ClaimedInboundSms): InboundSms => ({
  provider: row.provider,
  providerMessageId: row.provider_message_id,
  from: row.from_number,
  to: row.to_number,
  text: row.text,
  receivedAt: new Date(row.received_at),
  acceptedAt: new Date(row.created_at),
});

type QueueOptions = {
  batchSize?: number;
  /** Every text through the one-by-one path (the grouped path's reference in tests). */
  oneByOne?: boolean;
  dependencies?: SendDependencies;
  afterStep?: ProcessOptions["afterStep"];
  /** Bench hook: the time each step of one message took, since the previous step (or the start). */
  onStepTime?: (step: InboundStep | "total" | "grouped" | "grouped-after", ms: number) => void;
};

function timedSteps(afterStep: QueueOptions["afterStep"], onStepTime: NonNullable<QueueOptions["onStepTime"]>) {
  const started = performance.now();
  let last = started;
  return {
    afterStep: (step: InboundStep) => {
      const now = performance.now();
      onStepTime(step, now - last);
      last = now;
      afterStep?.(step);
    },
    done: () => onStepTime("total", performance.now() - started),
  };
}

async function processOne(db: Db, row: ClaimedInboundSms, options: QueueOptions) {
  const { dependencies } = options;
  const timed = options.onStepTime ? timedSteps(options.afterStep, options.onStepTime) : null;
  const afterStep = timed?.afterStep ?? options.afterStep;
  try {
    await processInboundSms(db, claimedSms(row), { dependencies, afterStep, inbound: { id: row.id, messageId: row.message_id, outcome: row.outcome } });
    timed?.done();
  } catch (error) {
    console.error("[inbound] processing failed; it will be retried", error);
    await releaseInboundSmsClaim(db, { id: row.id, error: String(error) }).catch(() => {});
  }
}

/**
 * A text the grouped path may store: no STOP/START/HELP (nor a possible opt-out) to apply,
 * and not a retry resuming at its compliance reply.
 */
const plainText = (row: ClaimedInboundSms) => !row.outcome && classifyOptOut(row.text).kind === null;

/**
 * The common case for a group of senders' plain texts, in one transaction of three
 * statements whatever the group's size: every text on its sender's open conversation (the
 * fast path: messages, summaries, notifications per matrix), their message.received events,
 * and their inbound rows marked processed. What the fast path does not take (a new number,
 * a closed conversation, a duplicate, an unknown recipient, an unreplyable sender) is left
 * for the one-by-one path; a sender's texts share one conversation, so the fast path takes
 * all of them or none, except a duplicate. Any error: the whole group goes one by one.
 */
async function processGroup(db: Db, rows: ClaimedInboundSms[], options: QueueOptions): Promise<ClaimedInboundSms[]> {
  const started = performance.now();
  let outcome: { stored: (StoredInboundMessage & StoredInboundReply)[]; left: ClaimedInboundSms[] };
  try {
    outcome = await db.transaction(async (tx) => {
      const texts = rows.map((row) => claimedSms(row) as InboundSms & { acceptedAt: Date });
      const messages = await storeInboundOnOpenConversations(tx, texts, NEW_MESSAGE_RULE);
      const done = texts.flatMap((sms, i) => (messages[i] ? [{ sms, row: messages[i], inboundId: rows[i]!.id }] : []));
      await recordMessagesReceived(tx, done);
      await markInboundSmsStoredAll(tx, done.map(({ inboundId, row }) => ({ id: inboundId, messageId: row.messageId })));
      return { stored: done.map(({ sms, row }) => ({ ...row, at: sms.acceptedAt })), left: rows.filter((_, i) => !messages[i]) };
    });
  } catch (error) {
    console.error("[inbound] grouped processing failed; processing one by one", error);
    return rows;
  }
  const { stored, left } = outcome;
  options.onStepTime?.("grouped", (performance.now() - started) / Math.max(1, stored.length));
  const after = performance.now();
  for (const message of stored) announceStored(message);
  if (stored.length) await nudgeWebhookDelivery();
  // Keyword answers, appointment confirmations, emotion: after the messages are stored.
  await checkAutomationReplies(db, stored, options.dependencies);
  options.onStepTime?.("grouped-after", (performance.now() - after) / Math.max(1, stored.length));
  return left;
}

/** Each sender's texts, in the order claimed. */
function bySenderOf(rows: ClaimedInboundSms[]) {
  const bySender = new Map<string, ClaimedInboundSms[]>();
  for (const row of rows) bySender.set(row.from_number, [...(bySender.get(row.from_number) ?? []), row]);
  return bySender;
}

/**
 * Turns every pending inbound SMS into conversation messages. Senders whose claimed texts
 * are all plain go through the grouped path (one transaction per group); the others, and
 * what a group left, one by one. One sender's messages stay in order; different senders
 * are handled side by side. Safe to run concurrently.
 */
export async function processPendingInbound(db: Db, options: QueueOptions = {}) {
  const batchSize = options.batchSize ?? 200;
  let processed = 0;
  for (;;) {
    const batch = await claimInboundSms(db, { limit: batchSize, claimTimeout: CLAIM_TIMEOUT, maxAttempts: MAX_ATTEMPTS });
    const bySender = bySenderOf(batch);
    const grouped: ClaimedInboundSms[][] = Array.from({ length: PARALLEL_SENDERS }, () => []);
    const queues: ClaimedInboundSms[][] = [];
    let next = 0;
    for (const rows of bySender.values()) {
      if (!options.oneByOne && !options.afterStep && rows.every(plainText)) grouped[next++ % PARALLEL_SENDERS]!.push(...rows);
      else queues.push(rows);
    }
    // Groups hold disjoint senders, so they write disjoint conversations side by side.
    const left = (await Promise.all(grouped.filter((rows) => rows.length).map((rows) => processGroup(db, rows, options)))).flat();
    queues.push(...bySenderOf(left).values());
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_SENDERS, queues.length) }, async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift()) {
          for (const row of queue) await processOne(db, row, options);
        }
      }),
    );
    processed += batch.length;
    if (batch.length < batchSize) return { processed };
  }
}
