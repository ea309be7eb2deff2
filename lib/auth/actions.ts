"use server";

import { getSessionContext } from "@/lib/auth/session";
import { signOut } from "./index";
import { endUserSessions } from "./sessions";

/** Ends the session everywhere (a copied cookie stops working too), then shows sign-in. */
export async function signOutAction() {
  const session = await getSessionContext();
  if (session) await endUserSessions(session.db, { companyId: session.companyId, userId: session.userId });
  await signOut({ redirectTo: "/sign-in" });
}
