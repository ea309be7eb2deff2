import "server-only";
import type { Db } from "@/db/client";
import { markMemberSeen } from "@/db/queries/staff";

export const LAST_SEEN_EVERY_MS = 5 * 60_000;

/** "Last seen" for the staff screen, written at most once per few minutes per member, not on every request. */
export async function touchLastSeen(
  db: Db,
  { companyId, userId, lastSeenAt, now }: { companyId: string; userId: string; lastSeenAt: Date | null; now: Date },
) {
  if (lastSeenAt && now.getTime() - lastSeenAt.getTime() < LAST_SEEN_EVERY_MS) return;
  await markMemberSeen(db, { companyId, userId, now, staleBefore: new Date(now.getTime() - LAST_SEEN_EVERY_MS) });
}
