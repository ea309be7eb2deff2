import type { ActionContext, ActionResult } from "./action";

/** @deprecated TRANSITION (issue 9): export the action itself from lib/<domain>/actions.ts ('use server'). */
export async function runAction<Output>(
  action: { run: (context: ActionContext, raw: unknown) => Promise<ActionResult<Output>> },
  raw: unknown,
): Promise<ActionResult<Output>> {
  const { getSessionContext } = await import("@/lib/auth/session");
  const session = await getSessionContext();
  if (!session) return { ok: false, error: "errors.signInRequired" };
  const { db, companyId, userId, role } = session;
  return action.run({ db, companyId, userId, role }, raw);
}
