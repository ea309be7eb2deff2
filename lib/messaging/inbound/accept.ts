import "server-only";
import { getDb, type Db } from "@/db/client";
import { insertInboundSms } from "@/db/queries/inbound";
import { dispatch } from "@/lib/background/dispatch";
import { drainInProcess, drainSettled } from "@/lib/background/drain";
import { inboundSmsReceived } from "@/lib/background/events";
import { processPendingInbound } from "./queue";
import type { InboundSms } from "./types";

export type AcceptOutcome = { status: "accepted" | "duplicate" | "waiting_for_parts"; id?: string };

/**
 * Inbound SMS are a row before they are anything else (ARCHITECTURE.md): the webhook
 * stores the raw message with one idempotent INSERT and answers; processing (customer,
 * conversation, routing, STOP handling, notifications) follows at once in the background
 * and is retried by a sweep until it succeeds.
 */
export async function acceptInboundSms(db: Db, sms: InboundSms): Promise<AcceptOutcome> {
  const row = await insertInboundSms(db, sms);
  return row ? { status: "accepted", id: row.id } : { status: "duplicate" };
}

const LANE = "inbound";

const drainPending = async () => processPendingInbound(await getDb());

/** After the webhook stored a message: process it here, or nudge the Inngest engine. */
export async function afterInboundAccepted(id: string) {
  await dispatch(inboundSmsReceived.create({ id }), { lane: LANE, key: "pending", run: drainPending });
}

/** A worker's poll: processes whatever texts are pending, folded with any pass already queued. */
export function drainPendingInbound() {
  drainInProcess(LANE, { key: "pending", run: drainPending });
}

/** Resolves once this process has no inbound processing running in the background (tests, shutdown). */
export async function inboundDrainSettled() {
  await drainSettled(LANE);
}
