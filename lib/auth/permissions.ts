import type { MemberPermissions, Role } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";

export type { MemberPermissions, Role } from "@/db/schema";

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

  editSavedReplies: ["admin"],

  readMailOutbox: ["admin"],

  manageAutomations: ["admin"],
  manageCampaigns: ["admin"],
  managePayments: ["admin"],
  exportConversations: ["admin"],
  seeReports: ["admin"],
  manageGroups: ["admin"],
  manageApiKeys: ["admin"],
  manageWebhooks: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The checkboxes of the staff screen: what an administrator may grant an agent one by one. */
export const GRANTABLE_PERMISSIONS = [
  "editSavedReplies",
  "manageAutomations",
  "manageCampaigns",
  "importCustomers",
  "managePayments",
  "exportConversations",
  "seeReports",
] as const satisfies readonly Permission[];

export type GrantablePermission = (typeof GRANTABLE_PERMISSIONS)[number];

/** Whoever acts in a company: their role there and what was ticked for them. */
export type Member = { role: Role; permissions?: MemberPermissions | null };

export function isGrantable(permission: Permission): permission is GrantablePermission {
  return (GRANTABLE_PERMISSIONS as readonly Permission[]).includes(permission);
}

export function can(member: Member, permission: Permission): boolean {
  if ((PERMISSIONS[permission] as readonly Role[]).includes(member.role)) return true;
  return isGrantable(permission) && member.permissions?.[permission] === true;
}

export function throwIfNoPermission(member: Member, permission: Permission) {
  if (!can(member, permission)) throw new SafeError("errors.forbidden");
}

/** Only the grantable permissions that are ticked, so a stored row never holds anything else. */
export function grantedPermissions(ticked: readonly string[]): MemberPermissions {
  return Object.fromEntries(GRANTABLE_PERMISSIONS.filter((p) => ticked.includes(p)).map((p) => [p, true]));
}
