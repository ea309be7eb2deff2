import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { findUserNotificationPreferences, replaceUserNotificationPreferences } from "@/db/queries/notifications";
import { isLinkSignature, signLink } from "@/lib/http/signature";
import { NOTIFICATION_CATEGORIES, withEmailOff, type NotificationCategory } from "./preferences";

const UNSUBSCRIBE_PATH = "/api/notifications/unsubscribe";

const payloadSchema = z.object({ u: z.uuid(), c: z.array(z.enum(NOTIFICATION_CATEGORIES)).min(1).max(NOTIFICATION_CATEGORIES.length) });

const PURPOSE = "notification-unsubscribe";

/** Who stops which email categories, signed so the link works without signing in (RFC 8058) and cannot be forged. */
function unsubscribeToken(userId: string, categories: readonly NotificationCategory[]) {
  const payload = Buffer.from(JSON.stringify({ u: userId, c: [...new Set(categories)] })).toString("base64url");
  return `${payload}.${signLink(PURPOSE, payload)}`;
}

export function unsubscribeUrl(appUrl: string, userId: string, categories: readonly NotificationCategory[]) {
  const url = new URL(UNSUBSCRIBE_PATH, appUrl);
  url.searchParams.set("token", unsubscribeToken(userId, categories));
  return url.toString();
}

/** The RFC 8058 headers that let a mail client unsubscribe in one click, without opening the message. */
export function oneClickUnsubscribeHeaders(url: string) {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** The token's user and categories, or null when it was not signed by us. */
function readUnsubscribeToken(token: string): { userId: string; categories: NotificationCategory[] } | null {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  if (!isLinkSignature(PURPOSE, payload, signature)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? { userId: parsed.data.u, categories: parsed.data.c } : null;
  } catch {
    return null;
  }
}

/** The user's language, for the page that asks or confirms; null when the token is not ours or the user is gone. */
export async function unsubscribeRecipient(db: Db, token: string) {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const user = await findUserNotificationPreferences(db, { userId: read.userId });
  return user ? { ...read, language: user.language, preferences: user.preferences } : null;
}

/** One click: email off for every event of the token's categories; the web and push ticks stay. */
export async function unsubscribeFromEmails(db: Db, token: string) {
  const recipient = await unsubscribeRecipient(db, token);
  if (!recipient) return null;
  await replaceUserNotificationPreferences(db, { userId: recipient.userId, preferences: withEmailOff(recipient.preferences, recipient.categories) });
  return recipient;
}
