import type { KeyedTranslate } from "@/lib/i18n/translator";

/** Keys under the "notifications" messages; the bell (next-intl) and the emails and pushes (use-intl) pass their translator. */
export type NotificationTranslate = KeyedTranslate;

export type DescribedNotification = { kind: string; data: Record<string, unknown>; customerName?: string | null; conversationPreview?: string | null };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** Who or what the notification is about: the customer, else the campaign, automation, file or endpoint. */
export function notificationSubject({ data, customerName }: DescribedNotification) {
  return text(customerName) ?? text(data.customerName) ?? text(data.customer) ?? text(data.campaignName) ?? text(data.automationName) ?? text(data.fileName) ?? text(data.url) ?? text(data.from);
}

/** The words to quote: the message, the note, the review comment, the customer's reply, or why it failed. */
export function notificationPreview({ kind, data, conversationPreview }: DescribedNotification) {
  if (kind.startsWith("automation.")) return text(data.preview) ?? text(data.summary) ?? text(data.text) ?? text(data.error);
  if (kind === "conversation.assigned" && data.count === 1) return text(conversationPreview);
  return text(data.preview) ?? text(data.text) ?? text(data.reason);
}

/** The notification's one-line title in the reader's language, naming the customer when the sentence can. */
export function notificationTitle(t: NotificationTranslate, notification: DescribedNotification): string {
  const { kind, data } = notification;
  // Kinds are dotted ("conversation.assigned"); message keys cannot be.
  const key = `kind.${kind.replaceAll(".", "_")}`;
  const name = text(notification.customerName) ?? text(data.customerName);
  if (name && kind === "conversation.new_message") return t("kind.conversation_new_message_from", { name });
  const source = text(data.automationName) ?? text(data.campaignName);
  if (source && (kind.startsWith("automation.") || kind.startsWith("campaign.")) && t.has(`${key}_named`)) {
    // A campaign's failures come as one notification with their count (older ones named one customer).
    return t(`${key}_named`, { automation: source, name: name ?? "_", count: typeof data.count === "number" ? data.count : 1 });
  }
  return t.has(key) ? t(key, { count: Number(data.count ?? 1) }) : kind;
}

/** The title, and who or what it is about when the title does not already name it. */
export function notificationHeading(t: NotificationTranslate, notification: DescribedNotification) {
  const title = notificationTitle(t, notification);
  const subject = notificationSubject(notification);
  return { title, subject: subject && !title.includes(subject) ? subject : null };
}

/** One line for an email subject or a push title: "title — subject". */
export const headingLine = ({ title, subject }: { title: string; subject: string | null }) => (subject ? `${title} — ${subject}` : title);
