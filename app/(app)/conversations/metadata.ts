import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireSession } from "@/lib/auth/session";
import { cappedCountLabel } from "@/lib/capped-count";
import { unreadCountOnOpening } from "@/lib/conversations/read";

/** "(3) Conversations": the unread count in the tab title, refreshed with every live update. */
export async function inboxMetadata({ params }: { params: Promise<{ id?: string }> }): Promise<Metadata> {
  const { id } = await params;
  const { db, companyId, userId } = await requireSession();
  const conversationId = id !== undefined && z.uuid().safeParse(id).success ? id : undefined;
  const [t, unread] = await Promise.all([getTranslations("nav"), unreadCountOnOpening(db, companyId, userId, conversationId)]);
  return { title: unread > 0 ? `(${cappedCountLabel(unread)}) ${t("conversations")}` : t("conversations") };
}
