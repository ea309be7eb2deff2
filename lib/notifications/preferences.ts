import type { NotificationPreferences, Role } from "@/db/schema";

export type NotificationChannel = "web" | "email" | "push";

export type PreferenceKind = "report.weekly_progress" | "report.daily_deposits";

/** Reports go by email to administrators unless they turn them off; agents only if they turn them on. */
function defaultFor(role: Role, kind: PreferenceKind, channel: NotificationChannel) {
  if (kind.startsWith("report.")) return channel === "email" && role === "admin";
  return true;
}

/** Whether a user wants this kind of notification on this channel: their preference, else the default for their role. */
export function wantsNotification(user: { role: Role; preferences: NotificationPreferences }, kind: PreferenceKind, channel: NotificationChannel): boolean {
  const chosen = (user.preferences[kind] as Partial<Record<NotificationChannel, boolean>> | undefined)?.[channel];
  return chosen ?? defaultFor(user.role, kind, channel);
}
