import type { Role } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";

export type { Role } from "@/db/schema";

/**
 * What each role may do: the one place a role is compared. Actions name a permission
 * (`defineAction({ permission })`), pages call `requirePermission`, components ask `can`.
 */
const PERMISSIONS = {
  manageTeams: ["admin"],
  manageCompany: ["admin"],
  manageUsers: ["admin"],
  seeReadState: ["admin"],
  importCustomers: ["admin"],
  deleteOthersNotes: ["admin"],
  hearOfNewReviews: ["admin"],
  exportConversations: ["admin", "agent"],

  editSavedReplies: ["admin"],

  readMailOutbox: ["admin"],

  manageAutomations: ["admin"],
  manageCampaigns: ["admin"],
  manageGroups: ["admin"],
  manageApiKeys: ["admin"],
  manageWebhooks: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function throwIfNoPermission(role: Role, permission: Permission) {
  if (!can(role, permission)) throw new SafeError("errors.forbidden");
}
