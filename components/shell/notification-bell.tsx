"use client";

import { AlertTriangle, AtSign, Bell, Bot, CalendarCheck, CalendarClock, CalendarX, FileDown, FileUp, Frown, Megaphone, MessageCircle, StickyNote, UserPlus } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markNotificationsRead } from "@/lib/notifications/actions";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export type ShellNotification = { id: string; kind: string; link: string | null; createdAt: string; read: boolean; data: Record<string, unknown> };

const ICONS: Record<string, typeof Bell> = {
  "conversation.new_message": MessageCircle,
  "conversation.assigned": UserPlus,
  "conversation.send_error": AlertTriangle,
  "conversation.mention": AtSign,
  "customer.mention": AtSign,
  "conversation.new_note": StickyNote,
  "conversation.export_ready": FileDown,
  "scheduled.failed": AlertTriangle,
  "import.completed": FileUp,
  "import.errors": AlertTriangle,
  "automation.send_failed": AlertTriangle,
  "automation.negative_reply": Frown,
  "automation.appointment_confirmed": CalendarCheck,
  "automation.appointment_cancelled": CalendarX,
  "automation.reschedule_requested": CalendarClock,
  "automation.reply_needs_attention": Bot,
  "automation.result_note": AtSign,
  "campaign.completed": Megaphone,
  "campaign.send_failed": AlertTriangle,
  "campaign.recipient_note": AtSign,
};

/** Automation and campaign kinds name the automation or campaign (and the customer when the data has one). */
function automationText(t: ReturnType<typeof useTranslations<"notifications">>, key: string, data: Record<string, unknown>) {
  const source = data.automationName ?? data.campaignName;
  const automation = typeof source === "string" ? source : null;
  const named = `${key}_named`;
  if (!automation || !t.has(named)) return null;
  const name = typeof data.customerName === "string" && data.customerName ? data.customerName : "_";
  // A campaign's failures come as one notification with their count (older ones named one customer).
  const count = typeof data.count === "number" ? data.count : 1;
  return t(named, { automation, name, count });
}

export function NotificationBell({ notifications, unread }: { notifications: ShellNotification[]; unread: number }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  // "5 minutes ago" against a clock that moves (and without next-intl's fallback warning).
  const now = useNow({ updateInterval: 60_000 });
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <DropdownMenu
      onOpenChange={(open) => {
        if (!open && unread > 0) startTransition(async () => {
          await markNotificationsRead({});
          router.refresh();
        });
      }}
    >
      <DropdownMenuTrigger className="relative rounded-lg p-2 text-slate-600 hover:bg-slate-100" aria-label={t("open", { count: unread })} data-testid="notification-bell">
        <Bell className="h-5 w-5" aria-hidden />
        {unread > 0 ? (
          <span className="absolute top-1 right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] font-semibold text-white" data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-80 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel>{t("title")}</DropdownMenuLabel>
        {notifications.length === 0 ? <p className="px-2.5 py-6 text-center text-sm text-slate-500">{t("empty")}</p> : null}
        {notifications.map((notification) => {
          const Icon = ICONS[notification.kind] ?? Bell;
          // Kinds are dotted ("conversation.assigned"); message keys cannot be.
          const key = `kind.${notification.kind.replaceAll(".", "_")}`;
          const { customerName } = notification.data;
          // Automation replies carry the customer's words (or the AI's summary) as `text` / `summary`.
          const preview = notification.data.preview ?? (notification.kind.startsWith("automation.") ? (notification.data.summary ?? notification.data.text ?? notification.data.error) : undefined);
          const from = typeof customerName === "string" && customerName ? customerName : null;
          const text =
            from && notification.kind === "conversation.new_message"
              ? t("kind.conversation_new_message_from", { name: from })
              : ((notification.kind.startsWith("automation.") || notification.kind.startsWith("campaign.") ? automationText(t, key, notification.data) : null) ??
                (t.has(key) ? t(key, { count: Number(notification.data.count ?? 1) }) : notification.kind));
          return (
            <DropdownMenuItem key={notification.id} asChild>
              <Link href={notification.link ?? "/conversations"} className="items-start">
                <Icon className={`mt-0.5 h-4 w-4 shrink-0 ${/error|failed/.test(notification.kind) ? "text-red-600" : "text-brand-600"}`} aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className={`block text-sm ${notification.read ? "text-slate-600" : "font-medium text-slate-900"}`}>{text}</span>
                  {typeof preview === "string" && preview ? <span className="block truncate text-xs text-slate-600" data-testid="notification-preview">{preview}</span> : null}
                  <span className="block text-xs text-slate-500">{format.relativeTime(new Date(notification.createdAt), now)}</span>
                </span>
                {notification.read ? null : <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-600" aria-hidden />}
              </Link>
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
