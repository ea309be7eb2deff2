import "server-only";
import type { Db } from "@/db/client";
import { insertInboundPart, listInboundParts } from "@/db/queries/inbound";
import { acceptInboundSms, type AcceptOutcome } from "./accept";
import type { InboundSms } from "./types";

export type InboundPart = Omit<InboundSms, "providerMessageId"> & { partProviderId: string; reference: string; partNumber: number; totalParts: number };

/**
 * One part of a multipart SMS from the legacy SMS API. Parts are kept until all have
 * arrived, then joined in order and accepted as one message.
 */
export async function acceptInboundSmsPart(db: Db, part: InboundPart): Promise<AcceptOutcome> {
  await insertInboundPart(db, part);
  const parts = await listInboundParts(db, part);
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
