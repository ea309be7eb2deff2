import "server-only";
import type { Db } from "@/db/client";
import { claimEmailDigest, listWaitingEmailWindows, listDueEmailDigests, markEmailDigestFailed, type ShownNotificationRow } from "@/db/queries/notifications";
import { findCompanyUser } from "@/db/queries/users";
import { defaultMailer, type Mailer } from "@/lib/email/mailer";
import { renderNotificationDigest } from "@/lib/email/templates/render";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { keyedTranslatorFor } from "@/lib/i18n/translator";
import type { NotificationKind } from "./kinds";
import { findEventOfKind, NOTIFICATION_CATEGORIES, type NotificationCategory } from "./preferences";
import { headingLine, notificationHeading, notificationPreview, notificationSubject, notificationTitle } from "./text";
import { oneClickUnsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";

/** A busy conversation sends at most one email per user per window: what comes meanwhile waits for the next digest. */
export const EMAIL_DIGEST_MINUTES = 5;
const ITEMS_PER_EMAIL = 10;

type Delivery = { mailer?: Mailer; appUrl?: string };

const windowStartOf = (now: Date) => new Date(now.getTime() - EMAIL_DIGEST_MINUTES * 60_000);

/**
 * Sends every digest due (USER-5): a user's waiting notification emails go together,
 * at once when no digest went out in the last window, else when it ends. Rows are
 * claimed before the email goes, so a retry or a second runner never sends one twice.
 * The in-process drain, the sweep and the Inngest function all run this body.
 */
export async function sendDueNotificationEmails(db: Db, now = new Date(), { companyId, userIds, mailer, appUrl }: Delivery & { companyId?: string; userIds?: string[] } = {}) {
  const windowStart = windowStartOf(now);
  const due = await listDueEmailDigests(db, { windowStart, companyId, userIds });
  let sent = 0;
  let failed = 0;
  for (const digest of due) {
    const rows = await claimEmailDigest(db, { ...digest, windowStart, now });
    if (rows.length === 0) continue;
    try {
      const recipient = await findCompanyUser(db, digest);
      if (!recipient) throw new Error("The recipient is no longer a member");
      const email = await digestEmail(rows, { userId: recipient.id, locale: recipient.language, appUrl: appUrl ?? env().APP_URL });
      await (mailer ?? defaultMailer()).send({ to: recipient.email, ...email });
      sent += 1;
    } catch (error) {
      console.error("[notifications] digest email failed", error);
      await markEmailDigestFailed(db, { companyId: digest.companyId, notificationIds: rows.map((row) => row.id) });
      failed += 1;
    }
  }
  return { sent, failed };
}

/** When the next digest of any of these users falls due (their window ends), if one waits. */
export async function nextNotificationEmailDue(db: Db, { companyId, userIds }: { companyId: string; userIds: string[] }, now = new Date()) {
  let next: Date | null = null;
  for (const waiting of await listWaitingEmailWindows(db, { companyId, userIds, since: windowStartOf(now) })) {
    const dueAt = waiting.lastEmailedAt ? new Date(waiting.lastEmailedAt.getTime() + EMAIL_DIGEST_MINUTES * 60_000) : now;
    if (!next || dueAt < next) next = dueAt;
  }
  return next;
}

async function digestEmail(rows: ShownNotificationRow[], { userId, locale, appUrl }: { userId: string; locale: Locale; appUrl: string }) {
  const t = keyedTranslatorFor(locale, "notifications");
  const say = keyedTranslatorFor(locale, "notificationEmail");
  const items = rows.slice(0, ITEMS_PER_EMAIL).map((row) => ({
    title: notificationTitle(t, row),
    // The quote's author: named even when the title names them too.
    subject: notificationSubject(row),
    quote: notificationPreview(row),
    href: new URL(row.link ?? "/conversations", appUrl).toString(),
    action: say(row.link?.startsWith("/conversations/") ? "openConversation" : "open"),
  }));
  const categories = NOTIFICATION_CATEGORIES.filter((category) => rows.some((row) => categoryOf(row.kind) === category));
  const names = categories.map((category) => keyedTranslatorFor(locale, "notificationSettings")(`category.${category}`)).join(", ");
  const only = rows.length === 1 ? notificationHeading(t, rows[0]!) : null;
  const many = say("subjectMany", { count: rows.length });
  const unsubscribeHref = unsubscribeUrl(appUrl, userId, categories);
  const email = await renderNotificationDigest({
    locale,
    subject: only ? headingLine(only) : many,
    heading: only ? only.title : many,
    items,
    more: rows.length > items.length ? say("more", { count: rows.length - items.length }) : null,
    reason: say("reason", { categories: names }),
    unsubscribe: { href: unsubscribeHref, label: say("unsubscribe", { categories: names }) },
  });
  return { ...email, headers: oneClickUnsubscribeHeaders(unsubscribeHref) };
}

function categoryOf(kind: string): NotificationCategory {
  return findEventOfKind(kind as NotificationKind)?.category ?? "conversations";
}
