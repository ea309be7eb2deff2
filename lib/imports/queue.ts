import "server-only";
import { getDb } from "@/db/client";
import { dispatch } from "@/lib/background/dispatch";
import { drainSettled } from "@/lib/background/drain";
import { importQueued } from "@/lib/background/events";
import { runImport } from "./run";

const LANE = "imports";

/** Resolves once this process has no import running in the background (tests, shutdown). */
export async function importDrainSettled() {
  await drainSettled(LANE);
}

/** After an import was queued: run it here to the end, or nudge the Inngest engine (the sweep is the backstop either way). */
export async function afterImportQueued(importId: string) {
  await dispatch(importQueued.create({ importId }), {
    lane: LANE,
    key: importId,
    run: async () => {
      const db = await getDb();
      while ((await runImport(db, importId, { budgetMs: 60_000 })) === "more");
    },
  });
}
