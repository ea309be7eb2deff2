import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

type Messages = Awaited<ReturnType<typeof getMessages>>;

/**
 * The messages client components below may read, serialized into every page's payload.
 * The whole catalogue is ~105 kB; a route that knows its client namespaces
 * (lib/i18n/client-namespaces.ts) sends only those. A nested provider replaces its
 * parent's messages, so each route segment states everything its own client parts need.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[] | "all"; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={namespaces === "all" ? messages : pick(messages, namespaces)}>{children}</NextIntlClientProvider>;
}

/** A route segment whose client components may read any namespace. */
export function AllMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces="all">{children}</ClientMessages>;
}

function pick(messages: Messages, namespaces: readonly string[]) {
  return Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name as keyof Messages]])) as Messages;
}
