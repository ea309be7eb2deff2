import type { Db } from "@/db/client";
import { clearAwayMode, findExpiredAwayUsers } from "@/db/queries/users";

/** Turns off away mode for everyone whose return time has passed (USER-4). */
export async function endExpiredAwayModes(db: Db, now = new Date()) {
  const due = await findExpiredAwayUsers(db, now);
  let ended = 0;
  for (const user of due) {
    ended += (await clearAwayMode(db, { userId: user.id, now })).length;
  }
  return { ended };
}

/** Ends one user's away mode if it is due; does nothing if it was changed meanwhile. */
export async function endAwayModeIfDue(db: Db, userId: string, now = new Date()) {
  const ended = await clearAwayMode(db, { userId, now });
  return { ended: ended.length };
}
