import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef, type Locale } from "./companies";

export type Role = "admin" | "agent";

/** Permissions ticked for one member beyond their role (lib/auth/permissions.ts names them). */
export type MemberPermissions = Partial<Record<string, boolean>>;

/** Per event kind, which channels notify the user (USER-5). Missing = default. */
export type NotificationPreferences = Record<string, { web?: boolean; email?: boolean; push?: boolean }>;

/** A person who signs in. Membership in a company (IMPL-6) gives the role. */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    /** "First Last", shown everywhere; kept equal to the two parts the profile edits. */
    name: text().notNull(),
    firstName: text(),
    lastName: text(),
    language: text().$type<Locale>().notNull().default("fr"),
    jobTitle: text(),
    /** Where the profile photo is served (a versioned /api/users/<id>/photo URL); its bytes are at photoKey in file storage. */
    photoUrl: text(),
    photoKey: text(),
    signature: text(),
    signatureEnabled: boolean().notNull().default(true),
    awayEnabled: boolean().notNull().default(false),
    awayUntil: at(),
    awayDelegateUserId: uuid(),
    awayDelegateTeamId: uuid(),
    notificationPreferences: jsonb().$type<NotificationPreferences>().notNull().default({}),
    passwordChangedAt: at(),
    /** Sessions carry the version they were opened at; bumping it ends them all (sign-out, password change, deactivation). */
    sessionVersion: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_idx").on(t.email),
    index("users_away_until_idx").on(t.awayUntil),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    companyId: companyRef(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text().$type<Role>().notNull().default("agent"),
    /** The id of this user in an integrated system (USER-1). */
    externalId: text(),
    active: boolean().notNull().default(true),
    permissions: jsonb().$type<MemberPermissions>().notNull().default({}),
    /** Refreshed at most every few minutes while a session is used. */
    lastSeenAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: id(),
    companyId: companyRef(),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_company_name_idx").on(t.companyId, t.name)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    companyId: companyRef(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index("team_members_user_idx").on(t.userId),
  ],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_reset_tokens_hash_idx").on(t.tokenHash)],
);

/** A new email address waiting for its owner to confirm it from that mailbox (USER-1). */
export const emailChangeTokens = pgTable(
  "email_change_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_change_tokens_hash_idx").on(t.tokenHash), index("email_change_tokens_user_idx").on(t.userId)],
);

/** Failed sign-ins per key ("account:<email>" or "ip:<address>") for throttling. */
export const signInAttempts = pgTable("sign_in_attempts", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: at(),
});

/** An emailed link that makes its recipient a member of the company (USER-1). */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    companyId: companyRef(),
    email: text().notNull(),
    role: text().$type<Role>().notNull().default("agent"),
    permissions: jsonb().$type<MemberPermissions>().notNull().default({}),
    language: text().$type<Locale>().notNull().default("fr"),
    invitedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Only the hash is kept: the link itself is in the email alone; a resend replaces it. */
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: at(),
    cancelledAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_idx").on(t.tokenHash),
    index("invitations_company_created_idx").on(t.companyId, t.createdAt),
  ],
);
