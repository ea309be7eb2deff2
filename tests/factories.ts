import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { customerSearchText } from "@/lib/customers/search-text";

export const TEST_PASSWORD = "secret123";
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString("hex");

// Sender numbers are unique across companies: a random start per test file, then counted,
// so files sharing a database never draw the same one.
let senderCounter = randomBytes(4).readUInt32BE() % 8_000_000;
const nextSenderNumber = () => `+1514${2_000_000 + (senderCounter++ % 8_000_000)}`;

export async function createCompany(db: Db, values: Partial<typeof s.companies.$inferInsert> = {}) {
  const [company] = await db
    .insert(s.companies)
    .values({ name: `Garage ${unique()}`, senderNumber: nextSenderNumber(), ...values })
    .returning();
  return company!;
}

export async function createUser(
  db: Db,
  companyId: string,
  values: Partial<typeof s.users.$inferInsert> & { role?: s.Role; permissions?: s.MemberPermissions } = {},
) {
  const { role = "agent", permissions = {}, ...userValues } = values;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(s.users)
    .values({ email: `user-${unique()}@parley.test`, name: `User ${unique()}`, passwordHash: await passwordHash, ...userValues })
    .returning();
  await db.insert(s.memberships).values({ companyId, userId: user!.id, role, permissions });
  return { ...user!, role, permissions };
}

export async function createTeam(db: Db, companyId: string, memberIds: string[] = [], name = `Team ${unique()}`) {
  const [team] = await db.insert(s.teams).values({ companyId, name }).returning();
  if (memberIds.length) {
    await db.insert(s.teamMembers).values(memberIds.map((userId) => ({ companyId, teamId: team!.id, userId })));
  }
  return team!;
}

let phoneCounter = 1000;

export async function createCustomer(db: Db, companyId: string, values: Partial<typeof s.customers.$inferInsert> = {}) {
  const firstName = values.firstName ?? "Julie";
  const lastName = values.lastName ?? "Tremblay";
  const mobile = values.mobile === undefined ? `+1438555${String(phoneCounter++).padStart(4, "0")}` : values.mobile;
  const email = values.email ?? null;
  const [customer] = await db
    .insert(s.customers)
    .values({ companyId, firstName, lastName, mobile, email, searchText: customerSearchText({ firstName, lastName, email, mobile, attributes: values.attributes }), ...values })
    .returning();
  return customer!;
}

export async function createConversation(
  db: Db,
  companyId: string,
  customerId: string,
  values: Partial<typeof s.conversations.$inferInsert> = {},
) {
  const [conversation] = await db.insert(s.conversations).values({ companyId, customerId, ...values }).returning();
  return conversation!;
}

export function contextFor(db: Db, user: { id: string; role: s.Role; permissions?: s.MemberPermissions }, companyId: string) {
  return { db, companyId, userId: user.id, role: user.role, permissions: user.permissions ?? {} };
}
