import "server-only";
import { getDb } from "@/db/client";
import type { Env } from "@/lib/env";
import { drainPendingInbound } from "@/lib/messaging/inbound/accept";
import { runSweep, SWEEPS } from "./sweeps";

type TimerState = { timer?: NodeJS.Timeout; inboundPoll?: NodeJS.Timeout; running: Set<string> };

const state: TimerState = ((globalThis as { __parleySweeps?: TimerState }).__parleySweeps ??= {
  running: new Set(),
});

/**
 * How often an embedded instance looks for inbound texts it was not told about: a web
 * instance with BACKGROUND_WORK=off stores them and answers, the worker picks them up
 * within this delay. One indexed query on the pending rows when there is nothing to do.
 */
export const INBOUND_POLL_MS = 200;

/**
 * Runs every sweep once, side by side as Inngest runs its cron functions: a slow one (an
 * automation run texting hundreds) does not hold back the others (a campaign to send).
 * A sweep still running from the previous tick is skipped; resolves when those started end.
 */
export async function runAllSweeps(now = new Date()) {
  const db = await getDb();
  await Promise.all(
    SWEEPS.filter((sweep) => !state.running.has(sweep.name)).map(async (sweep) => {
      state.running.add(sweep.name);
      try {
        await runSweep(db, sweep, now);
      } catch (error) {
        console.error(`[sweep] ${sweep.name} failed`, error);
      } finally {
        state.running.delete(sweep.name);
      }
    }),
  );
}

/** Embedded mode: due work still happens, a few seconds late, without an Inngest engine. */
export function startInProcessSweeps(intervalSeconds: number) {
  if (state.timer) return Promise.resolve();
  state.timer = setInterval(() => void runAllSweeps(), intervalSeconds * 1000);
  state.timer.unref();
  state.inboundPoll = setInterval(drainPendingInbound, INBOUND_POLL_MS);
  state.inboundPoll.unref();
  return runAllSweeps();
}

export function stopInProcessSweeps() {
  clearInterval(state.timer);
  clearInterval(state.inboundPoll);
  state.timer = state.inboundPoll = undefined;
}

/** Whether this process runs the in-process sweeps (shown by tests and /api/health). */
export const inProcessSweepsRunning = () => Boolean(state.timer);

/**
 * At start-up: the sweeps and the inbound poll run in this instance only when it does
 * background work (BACKGROUND_WORK=on, the default) and no Inngest engine runs them.
 * Resolves after the first pass of sweeps.
 */
export async function startBackgroundWork(config: Pick<Env, "runsBackgroundWork" | "backgroundEngine" | "SWEEP_INTERVAL_SECONDS">) {
  if (!config.runsBackgroundWork || config.backgroundEngine !== "in-process") return { started: false };
  await startInProcessSweeps(config.SWEEP_INTERVAL_SECONDS);
  return { started: true };
}
