import "server-only";
import { env } from "@/lib/env";
import { drainInProcess } from "./drain";
import { inngest } from "./engine";

type Payload = Parameters<typeof inngest.send>[0];

/**
 * Events are nudges: the row is already in Postgres. With no engine configured the
 * in-process sweeps pick the work up, so sending is skipped; a failed send is logged,
 * never fatal, for the same reason.
 */
export async function nudge(payload: Payload) {
  if (env().backgroundEngine === "in-process") return;
  try {
    await inngest.send(payload);
  } catch (error) {
    console.error("[inngest] event not sent; the sweep will catch up", error);
  }
}

/**
 * After a row of work was stored: with an Inngest engine, send its event; embedded, run
 * the same domain body in this process now (`key` folds repeated requests for the same
 * work) — unless this instance runs no background work (BACKGROUND_WORK=off): then a
 * worker instance picks the row up (inbound texts within a fraction of a second, the rest
 * on its next sweep). Either way the sweep is the backstop.
 */
export async function dispatch(payload: Payload, inProcess: { lane: string; key: string; run: () => Promise<unknown> }) {
  const config = env();
  if (config.backgroundEngine !== "in-process") await nudge(payload);
  else if (config.runsBackgroundWork) drainInProcess(inProcess.lane, { key: inProcess.key, run: inProcess.run });
}
