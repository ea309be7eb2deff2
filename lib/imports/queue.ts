import { getDb } from "@/db/client";
import { importQueued } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { env } from "@/lib/env";
import { runImport } from "./run";

type DrainState = { running: Promise<void> | null; queue: string[] };
const drain: DrainState = ((globalThis as { __parleyImportDrain?: DrainState }).__parleyImportDrain ??= { running: null, queue: [] });

/** Embedded mode: runs queued imports in this process, one after the other, to the end. */
export function requestImportDrain(importId: string) {
  drain.queue.push(importId);
  drain.running ??= (async () => {
    for (let id = drain.queue.shift(); id; id = drain.queue.shift()) {
      const db = await getDb();
      while ((await runImport(db, id, { budgetMs: 60_000 })) === "more");
    }
  })()
    .catch((error: unknown) => console.error("[imports] run failed; the sweep will resume it", error))
    .finally(() => {
      drain.running = null;
    });
}

/** Resolves once this process has no import running in the background (tests, shutdown). */
export async function importDrainSettled() {
  while (drain.running) await drain.running;
}

/** After an import was queued: run it here, or nudge the Inngest engine (the sweep is the backstop either way). */
export async function afterImportQueued(importId: string) {
  if (env().backgroundEngine === "in-process") requestImportDrain(importId);
  else await nudge(importQueued.create({ importId }));
}
