import "server-only";
import type { Db } from "@/db/client";
import { findSessionVersion, revokeUserSessions } from "@/db/queries/users";

/** Signing out ends the session for good: a copied cookie carries the old version. */
export async function endUserSessions(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  await revokeUserSessions(db, { companyId, userId });
}

/** Whether a session opened at `sessionVersion` still stands (also false once the user left the company). */
export async function isSessionCurrent(
  db: Db,
  { companyId, userId, sessionVersion }: { companyId: string; userId: string; sessionVersion: number },
) {
  return (await findSessionVersion(db, { companyId, userId })) === sessionVersion;
}
