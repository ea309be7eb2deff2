/**
 * The message namespaces a route's client components read, so that its pages carry
 * these instead of the whole catalogue. Kept exact by lib/i18n/client-namespaces.test.ts,
 * which recomputes them from the imports below each route.
 */

/** The signed-in shell (navigation, search bar, notification bell, user menu, away banner). */
export const SHELL_NAMESPACES = ["api", "auth", "away", "email", "errors", "files", "nav", "notifications", "password", "profile", "scheduled", "search", "userMenu"] as const;

/** The inbox and a conversation (list, thread, composer, customer panel). */
export const INBOX_NAMESPACES = [
  "ai",
  "compliance",
  "composer",
  "conversationExport",
  "conversations",
  "errors",
  "files",
  "inbox",
  "newMessage",
  "notes",
  "password",
  "payments",
  "requests",
  "reviews",
  "savedReplies",
  "scheduled",
  "sendRefusal",
  "shortcuts",
  "sms",
  "templates",
  "thread",
  "webhooks",
] as const;
