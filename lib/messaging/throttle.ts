import "server-only";
import type { Db } from "@/db/client";
import { reserveSenderSlot } from "@/db/queries/sender-slots";
import { env } from "@/lib/env";

/**
 * Spaces the sends of one sender number (carriers and Vonage throttle a long code): at
 * most `perSecond` texts a second from each number, across every process and runner —
 * the slots live in Postgres. 0 switches it off.
 */
export class SenderThrottle {
  constructor(private readonly perSecond: number) {}

  /** 0: off. */
  get textsPerSecond() {
    return this.perSecond;
  }

  /**
   * Waits for the number's next free slot; returns the slot reserved (epoch ms), or null when
   * off. `db` is never a transaction: the reservation commits without waiting for the WAL
   * flush, and inside a transaction the whole of it would.
   */
  async wait(db: Db, senderNumber: string): Promise<number | null> {
    if (this.perSecond <= 0) return null;
    const { waitMs, slotMs } = await reserveSenderSlot(db, { senderNumber, intervalMs: 1000 / this.perSecond });
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    return slotMs;
  }
}

/** The configured throttle (CAMPAIGN_TEXTS_PER_SECOND, default 10: about what a Canadian long code takes). */
export const defaultSenderThrottle = () => new SenderThrottle(env().CAMPAIGN_TEXTS_PER_SECOND);
