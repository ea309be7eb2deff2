import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findCompanyUser } from "@/db/queries/users";
import type { MemberPermissions, Role } from "@/db/schema";
import { auth } from "./index";
import { touchLastSeen } from "./last-seen";
import { guardPage } from "./page-guard";
import type { Permission } from "./permissions";

export type SessionContext = {
  db: Db;
  userId: string;
  companyId: string;
  role: Role;
  permissions: MemberPermissions;
  user: NonNullable<Awaited<ReturnType<typeof findCompanyUser>>>;
  company: NonNullable<Awaited<ReturnType<typeof findCompany>>>;
};

/**
 * The signed-in user and their company, read once per request. The company always
 * comes from here, never from client input.
 */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const companyId = (session?.user as { companyId?: string } | undefined)?.companyId;
  if (!userId || !companyId) return null;
  const db = await getDb();
  const [user, company] = await Promise.all([
    findCompanyUser(db, { companyId, userId }),
    findCompany(db, { companyId }),
  ]);
  if (!user || !company) return null;
  // Sign-out, a password change or a deactivation bumps the version: older cookies are void.
  if ((session as { sessionVersion?: number }).sessionVersion !== user.sessionVersion) return null;
  await touchLastSeen(db, { companyId, userId, lastSeenAt: user.lastSeenAt, now: new Date() });
  return { db, userId, companyId, role: user.role, permissions: user.permissions, user, company };
});

export async function requireSession(): Promise<SessionContext> {
  const context = await getSessionContext();
  if (!context) redirect("/sign-in");
  return context;
}

/** The signed-in user whose role or grants allow `permission`, or a 404 for anyone else. */
export async function requirePermission(permission: Permission): Promise<SessionContext> {
  return guardPage(await requireSession(), permission);
}
