import type { Locale } from "@/db/schema/companies";
import { customerName } from "@/lib/customers/display";
import { keyedTranslatorFor } from "@/lib/i18n/translator";
import { notificationPreview, notificationSubject, notificationTitle } from "@/lib/notifications/text";

/** What the service worker shows (public/sw.js reads these fields). */
type PushPayload = { title: string; body: string; url: string; tag: string };

type NotificationRow = {
  notificationId: string;
  kind: string;
  data: Record<string, unknown>;
  link: string | null;
  language: Locale;
  companyName: string;
  /** The customer of the conversation the notification is about, if any. */
  customer: { firstName: string; lastName: string; mobile: string | null } | null;
  /** That conversation's last message, quoted by kinds that have no words of their own (an assignment). */
  conversationPreview: string | null;
};

const PREVIEW_LENGTH = 140;
const clip = (text: string | null) => (text && text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text);

/**
 * The phone notification in the user's language, worded as the bell words it: the title
 * names the customer (or the campaign, automation, file), the body says what happened
 * unless that sentence only names them again, then a preview of the words. Notifications of one
 * conversation share a tag, so a new one replaces the last.
 */
export function pushPayloadFor({ notificationId, kind, data, link, language, companyName, customer, conversationPreview }: NotificationRow): PushPayload {
  const described = { kind, data, customerName: customer ? customerName(customer) : null, conversationPreview };
  const sentence = notificationTitle(keyedTranslatorFor(language, "notifications"), described);
  const subject = notificationSubject(described);
  const lines = [subject && !sentence.includes(subject) ? sentence : null, clip(notificationPreview(described))].filter(Boolean);
  const conversationId = typeof data.conversationId === "string" ? data.conversationId : null;
  return {
    title: subject ?? sentence,
    body: lines.length > 0 ? lines.join("\n") : subject ? sentence : companyName,
    url: link ?? "/conversations",
    tag: conversationId ? `conversation-${conversationId}` : `notification-${notificationId}`,
  };
}
