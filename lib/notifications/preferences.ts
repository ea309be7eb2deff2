import type { NotificationPreferences, Role } from "@/db/schema/users";
import type { Permission } from "@/lib/auth/permissions";
import type { NotificationKind } from "./kinds";

export type NotificationChannel = "web" | "email" | "push";
export const NOTIFICATION_CHANNELS = ["web", "email", "push"] as const satisfies readonly NotificationChannel[];

/** Report emails (PLAT-3) are built elsewhere; they ask the same matrix whether to go out. */
export type ReportKind = "report.daily_deposits" | "report.weekly_progress";
type NotifiableKind = NotificationKind | ReportKind;

/** The seeds' categories, in the order the settings page lists them. */
export const NOTIFICATION_CATEGORIES = ["conversations", "appointments", "payments", "automations", "campaigns", "reviews", "customers", "reports", "imports", "integrations"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

type Channels = Record<NotificationChannel, boolean>;

export type NotificationEvent = {
  /** The key in users.notificationPreferences, e.g. "conversations.assigned". */
  id: string;
  category: NotificationCategory;
  /** The notification kinds this event covers; none = a seeds event no feature raises yet (not shown). */
  kinds: readonly NotifiableKind[];
  /** Reports are emails only. */
  channels: readonly NotificationChannel[];
  defaults: Record<Role, Channels>;
};

const channels = (web: boolean, email: boolean, push: boolean): Channels => ({ web, email, push });
/** Bell for everyone, no email: what every event did before the matrix existed. */
const BELL = channels(true, false, false);
/** About the user's own conversations: also to their phone once they enabled a device. */
const DIRECT = channels(true, false, true);
const everyone = (defaults: Channels) => ({ admin: defaults, agent: defaults });

function event(category: NotificationCategory, name: string, kinds: readonly NotifiableKind[], defaults: Record<Role, Channels> = everyone(BELL), only?: readonly NotificationChannel[]): NotificationEvent {
  return { id: `${category}.${name}`, category, kinds, channels: only ?? NOTIFICATION_CHANNELS, defaults };
}

/** USER-5's events × channels, grouped as the seeds' settings page groups them. */
export const NOTIFICATION_EVENTS: readonly NotificationEvent[] = [
  // A text from a sender that cannot receive texts is a new message nobody is assigned yet.
  event("conversations", "new_message", ["conversation.new_message", "inbound.unreplyable_sender"], everyone(DIRECT)),
  event("conversations", "new_note", ["conversation.new_note"]),
  event("conversations", "mention", ["conversation.mention"], everyone(DIRECT)),
  event("conversations", "assigned", ["conversation.assigned"], everyone(DIRECT)),
  event("conversations", "send_error", ["conversation.send_error", "scheduled.failed"], everyone(DIRECT)),
  event("conversations", "export_ready", ["conversation.export_ready"]),
  event("appointments", "cancelled", ["appointment.cancelled", "automation.appointment_cancelled"]),
  event("appointments", "confirmed", ["appointment.confirmed", "automation.appointment_confirmed"]),
  event("appointments", "mention", []),
  event("payments", "paid_mine", ["payment.paid_mine"]),
  event("payments", "paid_others", ["payment.paid_others"]),
  event("automations", "mention", ["automation.result_note"], everyone(DIRECT)),
  event("automations", "note", []),
  event("automations", "send_error", ["automation.send_failed"]),
  event("automations", "replies", ["automation.negative_reply", "automation.reply_needs_attention", "automation.reschedule_requested"]),
  event("campaigns", "completed", ["campaign.completed"]),
  event("campaigns", "mention", ["campaign.recipient_note"], everyone(DIRECT)),
  event("campaigns", "note", []),
  event("campaigns", "send_error", ["campaign.send_failed"]),
  event("reviews", "new", ["review.new"]),
  event("reviews", "mention", []),
  event("reviews", "note", []),
  event("customers", "mention", ["customer.mention"], everyone(DIRECT)),
  // Managers read the reports; an agent who may see them opts in.
  event("reports", "daily_deposits", ["report.daily_deposits"], { admin: channels(false, true, false), agent: channels(false, false, false) }, ["email"]),
  event("reports", "weekly_progress", ["report.weekly_progress"], { admin: channels(false, true, false), agent: channels(false, false, false) }, ["email"]),
  event("imports", "errors", ["import.errors"]),
  event("imports", "completed", ["import.completed"]),
  // A disabled endpoint stops a dealer system's feed: administrators hear of it by email too.
  event("integrations", "webhook_disabled", ["webhooks.endpoint_disabled"], { admin: channels(true, true, false), agent: BELL }),
];

/** Who may see a category's events at all (the rest are everyone's). */
const CATEGORY_PERMISSION: Partial<Record<NotificationCategory, Permission>> = { reports: "seeReports", integrations: "manageWebhooks" };

const EVENT_OF_KIND = new Map<NotifiableKind, NotificationEvent>(NOTIFICATION_EVENTS.flatMap((e) => e.kinds.map((kind) => [kind, e] as const)));
const EVENT_BY_ID = new Map(NOTIFICATION_EVENTS.map((e) => [e.id, e]));

export function findEventOfKind(kind: NotifiableKind) {
  return EVENT_OF_KIND.get(kind);
}

function eventOfKind(kind: NotifiableKind): NotificationEvent {
  const found = EVENT_OF_KIND.get(kind);
  if (!found) throw new Error(`No notification event covers the kind ${kind}`);
  return found;
}

function findNotificationEvent(id: string) {
  return EVENT_BY_ID.get(id);
}

/** The events the settings matrix shows: raised by a feature that exists. */
const SHOWN_EVENTS = NOTIFICATION_EVENTS.filter((e) => e.kinds.length > 0);

type NotificationRecipient = { role: Role; preferences: NotificationPreferences };

/** The one answer to "does this user want this kind of notification on this channel?" (USER-5). */
export function wantsNotification(user: { role: Role; preferences: NotificationPreferences }, kind: NotificationKind | ReportKind, channel: NotificationChannel): boolean {
  return channelSetting(user, eventOfKind(kind), channel);
}

/** An event's tick for one channel: what the user chose, else their role's default. */
export function channelSetting(user: NotificationRecipient, notificationEvent: NotificationEvent, channel: NotificationChannel) {
  if (!notificationEvent.channels.includes(channel)) return false;
  return user.preferences[notificationEvent.id]?.[channel] ?? notificationEvent.defaults[user.role][channel];
}

/** The preferences with email off for every event of these categories (the unsubscribe link). */
export function withEmailOff(preferences: NotificationPreferences, categories: readonly NotificationCategory[]): NotificationPreferences {
  const next = { ...preferences };
  for (const e of NOTIFICATION_EVENTS) if (categories.includes(e.category)) next[e.id] = { ...next[e.id], email: false };
  return next;
}

/** What the inbound fast path needs to decide in SQL (db/queries/notifications.ts channelWantedSql). */
export function channelRuleOf(kind: NotifiableKind) {
  const { id, defaults } = eventOfKind(kind);
  return { event: id, defaults };
}

/** The saved ticks over what was there: channels the form did not send (push, set elsewhere) keep their value. */
export function mergeMatrix(current: NotificationPreferences, submitted: Partial<Record<string, Partial<Record<NotificationChannel, boolean>>>>): NotificationPreferences {
  const next: NotificationPreferences = { ...current };
  for (const [id, ticks] of Object.entries(submitted)) {
    const known = findNotificationEvent(id);
    if (!known || !ticks) continue;
    const allowed = Object.fromEntries(Object.entries(ticks).filter(([channel]) => known.channels.includes(channel as NotificationChannel)));
    next[id] = { ...next[id], ...allowed };
  }
  return next;
}

/** The settings matrix of one member: the events shown, grouped by category, with their current ticks. */
export function notificationMatrix(member: NotificationRecipient & { permissions?: Partial<Record<string, boolean>> | null }, can: (permission: Permission) => boolean) {
  return NOTIFICATION_CATEGORIES.flatMap((category) => {
    const permission = CATEGORY_PERMISSION[category];
    if (permission && !can(permission)) return [];
    const events = SHOWN_EVENTS.filter((e) => e.category === category).map((e) => ({
      id: e.id,
      channels: e.channels,
      values: Object.fromEntries(NOTIFICATION_CHANNELS.map((channel) => [channel, channelSetting(member, e, channel)])) as Channels,
    }));
    return events.length ? [{ category, events }] : [];
  });
}
