import type { Locale } from "@/db/schema/companies";
import { customerName } from "@/lib/customers/display";
import { translatorFor } from "@/lib/i18n/translator";

/** What the service worker shows (public/sw.js reads these fields). */
export type PushPayload = { title: string; body: string; url: string; tag: string };

type NotificationRow = {
  notificationId: string;
  kind: string;
  data: Record<string, unknown>;
  link: string | null;
  language: Locale;
  companyName: string;
  /** The customer of the conversation the notification is about, if any. */
  customer: { firstName: string; lastName: string; mobile: string | null } | null;
};

const PREVIEW_LENGTH = 140;
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * The phone notification in the user's language: the title names the customer (or the
 * campaign / automation), the body says what happened with a preview of the words.
 * Notifications of one conversation share a tag, so a new one replaces the last.
 */
export function pushPayloadFor({ notificationId, kind, data, link, language, companyName, customer }: NotificationRow): PushPayload {
  const t = translatorFor(language);
  const key = `notifications.kind.${kind.replaceAll(".", "_")}`;
  const count = Number(data.count ?? 1);
  const headline = t.has(key as never) ? t(key as never, { count } as never) : kind;
  const named = text(data.customerName) ?? (customer ? text(customerName(customer)) : null) ?? text(data.campaignName) ?? text(data.automationName);
  const rawPreview = text(data.preview) ?? text(data.summary) ?? text(data.text) ?? text(data.error);
  const preview = rawPreview && rawPreview.length > PREVIEW_LENGTH ? `${rawPreview.slice(0, PREVIEW_LENGTH - 1)}…` : rawPreview;
  const conversationId = text(data.conversationId);
  const title = named ?? headline;
  const lines = [named && kind !== "conversation.new_message" ? headline : null, preview].filter(Boolean);
  return {
    title,
    body: lines.length > 0 ? lines.join("\n") : named ? headline : companyName,
    url: link ?? "/conversations",
    tag: conversationId ? `conversation-${conversationId}` : `notification-${notificationId}`,
  };
}
