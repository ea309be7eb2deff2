import "server-only";
import type { Db } from "@/db/client";
import { findLastSweepAt, pingDatabase } from "@/db/queries/health";
import type { Env } from "@/lib/env";

export type BackgroundStatus = {
  engine: Env["backgroundEngine"];
  reachable: boolean;
  lastSweepAt: string | null;
};

async function devServerReachable(url: string) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
    return response.status < 500;
  } catch {
    return false;
  }
}

export async function backgroundStatus(db: Db, config: Env, now = new Date()): Promise<BackgroundStatus> {
  const lastSweepAt = await findLastSweepAt(db);
  let reachable: boolean;
  if (config.backgroundEngine === "inngest-dev") {
    const base = config.INNGEST_BASE_URL ?? (config.INNGEST_DEV?.startsWith("http") ? config.INNGEST_DEV : "http://127.0.0.1:8288");
    reachable = await devServerReachable(base);
  } else if (config.backgroundEngine === "inngest-cloud") {
    reachable = Boolean(config.INNGEST_EVENT_KEY && config.INNGEST_SIGNING_KEY);
  } else {
    // The timer ticks every few seconds; three missed ticks means it is not running.
    const staleAfterMs = config.SWEEP_INTERVAL_SECONDS * 3000 + 5000;
    reachable = lastSweepAt !== null && now.getTime() - lastSweepAt.getTime() < staleAfterMs;
  }
  return { engine: config.backgroundEngine, reachable, lastSweepAt: lastSweepAt?.toISOString() ?? null };
}

export async function databaseHealthy(db: Db) {
  await pingDatabase(db);
  return true;
}
