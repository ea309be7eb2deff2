import "server-only";
import webPush from "web-push";
import type { Db } from "@/db/client";
import { keepInstanceKey, readInstanceKey } from "@/db/queries/instance-keys";
import { env } from "@/lib/env";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const STORED_KEY = "vapid";
let cached: Promise<VapidKeys> | undefined;

/**
 * The server's Web Push identity: VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY when set, else a
 * pair generated on first start and kept in the database, so every process (and every
 * server sharing a DATABASE_URL) signs with the key the browsers subscribed to. There is
 * no built-in pair: a published private key would let anyone push to our devices.
 */
export function vapidKeys(db: Db): Promise<VapidKeys> {
  cached ??= loadVapidKeys(db).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadVapidKeys(db: Db): Promise<VapidKeys> {
  const config = env();
  const subject = config.vapidSubject;
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject };
  const stored = (await readInstanceKey(db, STORED_KEY)) ?? (await keepInstanceKey(db, STORED_KEY, JSON.stringify(webPush.generateVAPIDKeys())));
  const pair = JSON.parse(stored) as { publicKey: string; privateKey: string };
  return { publicKey: pair.publicKey, privateKey: pair.privateKey, subject };
}

/** Forgets the loaded pair (tests switch databases). */
export function resetVapidKeysCache() {
  cached = undefined;
}
