import type { NotificationPreferences, Role } from "@/db/schema/users";
import type { NotificationKind } from "./notify";

export type NotificationChannel = "web" | "email" | "push";

// Phone pushes interrupt: on by default only for what is addressed to the user personally.
const PUSH_BY_DEFAULT = new Set<string>(["conversation.assigned", "conversation.new_message", "conversation.mention"]);

/** Whether this user is told about `kind` on `channel`: their own choice, else the default. */
export function wantsNotification(
  user: { role: Role; preferences: NotificationPreferences },
  kind: NotificationKind | string,
  channel: NotificationChannel,
): boolean {
  const chosen = user.preferences[kind]?.[channel];
  if (typeof chosen === "boolean") return chosen;
  if (channel === "push") return PUSH_BY_DEFAULT.has(kind);
  return channel === "web";
}
