import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findMembershipsOfUser, findUserByEmail } from "@/db/queries/users";
import { hashPassword, verifyPassword } from "./password";
import { clearFailedSignIns, lockedUntil, recordFailedSignIn } from "./throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

let dummyHash: Promise<string> | undefined;

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string; companyId: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled" };

/** Checks credentials with throttling per account and per IP (null when the address is unknown). */
export async function checkCredentials(
  input: { email: string; password: string; companyId?: string },
  ip: string | null,
): Promise<SignInOutcome> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = await getDb();
  if (await lockedUntil(db, email, ip)) return { ok: false, reason: "throttled" };
  const user = await findUserByEmail(db, email);
  // Verify against a dummy hash for unknown accounts so both answers take as long.
  dummyHash ??= hashPassword("not-a-real-password-1");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  const memberships = user ? await findMembershipsOfUser(db, user.id) : [];
  const membership = memberships.find((m) => m.companyId === input.companyId) ?? memberships[0];
  if (!user || !valid || !membership) {
    await recordFailedSignIn(db, email, ip);
    return { ok: false, reason: "invalid" };
  }
  await clearFailedSignIns(db, email);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, companyId: membership.companyId, sessionVersion: user.sessionVersion },
  };
}
