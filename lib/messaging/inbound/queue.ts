import "server-only";
import type { Db } from "@/db/client";
import { claimInboundSms, releaseInboundSmsClaim, type ClaimedInboundSms } from "@/db/queries/inbound";
import type { SendDependencies } from "../send";
import { processInboundSms, type InboundStep, type ProcessOptions } from "./process";
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
  dependencies?: SendDependencies;
  afterStep?: ProcessOptions["afterStep"];
  /** Bench hook: the time each step of one message took, since the previous step (or the start). */
  onStepTime?: (step: InboundStep | "total", ms: number) => void;
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
 * Turns every pending inbound SMS into conversation messages. One sender's messages stay
 * in order; different senders are handled side by side. Safe to run concurrently.
 */
export async function processPendingInbound(db: Db, options: QueueOptions = {}) {
  const batchSize = options.batchSize ?? 200;
  let processed = 0;
  for (;;) {
    const batch = await claimInboundSms(db, { limit: batchSize, claimTimeout: CLAIM_TIMEOUT, maxAttempts: MAX_ATTEMPTS });
    const bySender = new Map<string, ClaimedInboundSms[]>();
    for (const row of batch) bySender.set(row.from_number, [...(bySender.get(row.from_number) ?? []), row]);
    const queues = [...bySender.values()];
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
