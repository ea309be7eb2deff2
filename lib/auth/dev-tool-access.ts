import { can, type Permission, type Role } from "./permissions";

export type DevTool = "phone" | "outbox";

/** The outbox holds password-reset links: admins only. The phone texts as the user's own company's customers. */
const NEEDS: Record<DevTool, Permission | null> = { phone: null, outbox: "readMailOutbox" };

/** Dev tools exist only when enabled, and then only for a signed-in user of the company. */
export function devToolAccess(tool: DevTool, { enabled, role }: { enabled: boolean; role: Role | null }) {
  if (!enabled) return "off" as const;
  if (!role) return "sign-in" as const;
  const needed = NEEDS[tool];
  return needed && !can(role, needed) ? ("forbidden" as const) : ("open" as const);
}
