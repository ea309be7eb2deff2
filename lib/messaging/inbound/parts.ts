import "server-only";
import type { Db } from "@/db/client";
import {
  deleteJoinedParts,
  insertInboundPart,
  listExpiredPartSets,
  listWaitingParts,
  lockInboundPartSet,
  markPartsJoined,
  type InboundPartRow,
} from "@/db/queries/inbound";
import { acceptInboundSms, afterInboundAccepted, type AcceptOutcome } from "./accept";
import type { InboundSms } from "./types";

export type InboundPart = Omit<InboundSms, "providerMessageId"> & { partProviderId: string; reference: string; partNumber: number; totalParts: number };

/** Parts of one message arrive within seconds; a set still incomplete after this never completes. */
export const PART_TIMEOUT_MS = 10 * 60_000;
/** Joined parts are remembered this long, beyond the provider's retry window (24 h). */
const JOINED_RETENTION_MS = 2 * 24 * 3600_000;
/** Where a part that never arrived would have been: the message is marked incomplete. */
export const MISSING_PART = "[…]";

function joinedText(parts: InboundPartRow[], totalParts: number) {
  const byNumber = new Map(parts.map((part) => [part.partNumber, part.text]));
  return Array.from({ length: totalParts }, (_, index) => byNumber.get(index + 1) ?? MISSING_PART)
    .join("")
    .replaceAll(`${MISSING_PART}${MISSING_PART}`, MISSING_PART);
}

/** One part per part number (the first received), in order. */
const distinctParts = (parts: InboundPartRow[]) =>
  [...new Map([...parts].reverse().map((part) => [part.partNumber, part])).values()].sort((a, b) => a.partNumber - b.partNumber);

/** Accepts the parts as one message, keyed by its first part's own id, which no other message has. */
async function acceptJoined(tx: Db, parts: InboundPartRow[], { provider, totalParts, now }: { provider: InboundSms["provider"]; totalParts: number; now: Date }) {
  const [first] = parts;
  await markPartsJoined(tx, { partProviderIds: parts.map((part) => part.providerMessageId), at: now });
  const complete = parts.length === totalParts;
  return acceptInboundSms(tx, {
    provider,
    providerMessageId: `concat${complete ? "" : "-incomplete"}:${first!.providerMessageId}`,
    from: first!.fromNumber,
    to: first!.toNumber,
    text: joinedText(parts, totalParts),
    receivedAt: first!.receivedAt ?? first!.createdAt,
  });
}

/**
 * One part of a multipart SMS from the legacy SMS API. Parts are kept until all have
 * arrived, then joined in order and accepted as one message; a repeated part is a
 * duplicate, before or after the join.
 */
export async function acceptInboundSmsPart(db: Db, part: InboundPart, now = new Date()): Promise<AcceptOutcome> {
  return db.transaction(async (tx) => {
    await lockInboundPartSet(tx, part);
    if (!(await insertInboundPart(tx, part))) return { status: "duplicate" };
    const waiting = await listWaitingParts(tx, { ...part, since: new Date(now.getTime() - PART_TIMEOUT_MS) });
    const parts = distinctParts(waiting);
    if (parts.length < part.totalParts) return { status: "waiting_for_parts" };
    return acceptJoined(tx, parts, { provider: part.provider, totalParts: part.totalParts, now });
  });
}

/**
 * Sweep: a set that stayed incomplete past the timeout becomes a message of what arrived,
 * marked incomplete where parts are missing, rather than vanish. Joined parts older than
 * the provider's retry window are forgotten.
 */
export async function flushIncompleteParts(db: Db, now = new Date()) {
  const before = new Date(now.getTime() - PART_TIMEOUT_MS);
  let flushed = 0;
  for (const set of await listExpiredPartSets(db, { before })) {
    const accepted = await db.transaction(async (tx) => {
      await lockInboundPartSet(tx, set);
      const [oldest, ...rest] = await listWaitingParts(tx, { ...set, since: new Date(0) });
      if (!oldest || oldest.createdAt >= before) return null;
      // The parts received within the timeout of the first one are this message's.
      const window = oldest.createdAt.getTime() + PART_TIMEOUT_MS;
      const parts = distinctParts([oldest, ...rest.filter((part) => part.createdAt.getTime() < window)]);
      return acceptJoined(tx, parts, { provider: "vonage", totalParts: set.totalParts, now });
    });
    if (accepted?.id) {
      flushed++;
      await afterInboundAccepted(accepted.id);
    }
  }
  const forgotten = await deleteJoinedParts(db, { before: new Date(now.getTime() - JOINED_RETENTION_MS) });
  return { flushed, forgotten };
}
