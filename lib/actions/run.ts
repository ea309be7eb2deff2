import { getSessionContext } from "@/lib/auth/session";
import type { Action, ActionResult } from "./action";

/** Runs an action for the signed-in user (used by the thin 'use server' files). */
export async function runAction<Input, Output>(
  action: Action<Input, Output>,
  raw: unknown,
): Promise<ActionResult<Output>> {
  const session = await getSessionContext();
  if (!session) return { ok: false, error: "errors.signInRequired" };
  const { db, companyId, userId, role } = session;
  return action.run({ db, companyId, userId, role }, raw);
}
