import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { countMyUnread } from "@/db/queries/inbox";
import { requireSession } from "@/lib/auth/session";
import { cappedCountLabel } from "@/lib/capped-count";

/** "(3) Conversations": the unread count in the tab title, refreshed with every live update. */
export async function inboxMetadata(): Promise<Metadata> {
  const { db, companyId, userId } = await requireSession();
  const [t, unread] = await Promise.all([getTranslations("nav"), countMyUnread(db, { companyId, userId })]);
  return { title: unread > 0 ? `(${cappedCountLabel(unread)}) ${t("conversations")}` : t("conversations") };
}
