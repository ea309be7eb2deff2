import { can, type Member, type Permission } from "./permissions";

export type DevTool = "phone" | "outbox";

/** The outbox holds password-reset links: admins only. The phone texts as the user's own company's customers. */
const NEEDS: Record<DevTool, Permission | null> = { phone: null, outbox: "readMailOutbox" };

/** Dev tools exist only when enabled, and then only for a signed-in user of the company. */
export function devToolAccess(tool: DevTool, { enabled, member }: { enabled: boolean; member: Member | null }) {
  if (!enabled) return "off" as const;
  if (!member) return "sign-in" as const;
  const needed = NEEDS[tool];
  return needed && !can(member, needed) ? ("forbidden" as const) : ("open" as const);
}
