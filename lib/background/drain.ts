import "server-only";

type Job = { key: string; run: () => Promise<unknown> };
type Lane = { running: Promise<void> | null; queue: Job[] };
type Lanes = Map<string, Lane>;

// One registry per process, surviving dev hot reload.
const lanes: Lanes = ((globalThis as { __parleyDrainLanes?: Lanes }).__parleyDrainLanes ??= new Map());

/**
 * Embedded mode: runs background work in this process, one job at a time per lane. A job
 * whose key is already waiting in its lane folds into it, so a burst of "there is new
 * work" requests becomes one more pass. A failure is logged: the sweep is the backstop.
 */
export function drainInProcess(laneName: string, job: Job) {
  let lane = lanes.get(laneName);
  if (!lane) lanes.set(laneName, (lane = { running: null, queue: [] }));
  if (!lane.queue.some((waiting) => waiting.key === job.key)) lane.queue.push(job);
  const current = lane;
  current.running ??= (async () => {
    for (let next = current.queue.shift(); next; next = current.queue.shift()) {
      await next.run().catch((error: unknown) => console.error(`[background] ${laneName} failed; the sweep will retry`, error));
    }
  })().finally(() => {
    current.running = null;
  });
}

/** Resolves once no lane (or the named one) has work running in this process (tests, shutdown). */
export async function drainSettled(laneName?: string) {
  const pending = () => [...lanes.entries()].filter(([name, lane]) => (!laneName || name === laneName) && lane.running);
  for (let busy = pending(); busy.length; busy = pending()) await Promise.all(busy.map(([, lane]) => lane.running));
}
