import "server-only";
import { getDb } from "@/db/client";
import { runSweep, SWEEPS } from "./sweeps";

type TimerState = { timer?: NodeJS.Timeout; running: boolean };

const state: TimerState = ((globalThis as { __parleySweeps?: TimerState }).__parleySweeps ??= {
  running: false,
});

/** Runs every sweep once; a tick that finds the previous one still running is skipped. */
export async function runAllSweeps(now = new Date()) {
  if (state.running) return;
  state.running = true;
  try {
    const db = await getDb();
    for (const sweep of SWEEPS) {
      await runSweep(db, sweep, now).catch((error: unknown) =>
        console.error(`[sweep] ${sweep.name} failed`, error),
      );
    }
  } finally {
    state.running = false;
  }
}

/** Embedded mode: due work still happens, a few seconds late, without an Inngest engine. */
export function startInProcessSweeps(intervalSeconds: number) {
  if (state.timer) return;
  state.timer = setInterval(() => void runAllSweeps(), intervalSeconds * 1000);
  state.timer.unref();
  void runAllSweeps();
}
