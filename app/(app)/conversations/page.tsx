import type { Metadata } from "next";
import { MessagesSquare } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listConversations } from "@/db/queries/conversations";
import { requireSession } from "@/lib/auth/session";
import { formatPhone } from "@/lib/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("conversations") };
}

export default async function ConversationsPage() {
  const { db, companyId } = await requireSession();
  const t = await getTranslations("conversations");
  const format = await getFormatter();
  const { conversations } = await listConversations(db, { companyId, filter: { status: "open" } });
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} description={t("openCount", { count: conversations.length })} />
      <div className="px-4 sm:px-6 lg:px-8">
        <Card className="overflow-hidden">
          {conversations.length === 0 ? (
            <EmptyState icon={<MessagesSquare className="h-6 w-6" />} title={t("emptyTitle")} description={t("emptyDescription")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {conversations.map((conversation) => {
                const name = `${conversation.customerFirstName} ${conversation.customerLastName}`.trim() || formatPhone(conversation.customerMobile);
                return (
                  <li key={conversation.id} className="flex items-start gap-3 px-4 py-3.5 sm:px-5">
                    <Avatar name={name} />
                    <div className="min-w-0 flex-1">
                      <div className="flex items-baseline justify-between gap-3">
                        <p className="truncate text-sm font-semibold text-slate-900">{name}</p>
                        <time className="shrink-0 text-xs text-slate-500" dateTime={conversation.lastActivityAt.toISOString()}>
                          {format.relativeTime(conversation.lastActivityAt)}
                        </time>
                      </div>
                      <p className="truncate text-sm text-slate-600">{conversation.lastMessagePreview}</p>
                      <p className="mt-0.5 text-xs text-slate-400">{conversation.assigneeName ?? t("team")}</p>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
