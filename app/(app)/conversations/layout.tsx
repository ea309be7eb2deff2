import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { INBOX_NAMESPACES } from "@/lib/i18n/client-namespaces";

export default function ConversationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={INBOX_NAMESPACES}>{children}</ClientMessages>;
}
