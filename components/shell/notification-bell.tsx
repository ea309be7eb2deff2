"use client";

import { AlertTriangle, AtSign, Bell, Bot, CheckCheck, CalendarCheck, CalendarClock, CalendarX, FileDown, FileUp, Frown, Megaphone, CircleDollarSign, Star, MessageCircle, StickyNote, UserPlus } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markNotificationRead, markNotificationsRead } from "@/lib/notifications/actions";
import { notificationHeading, notificationPreview, type NotificationTranslate } from "@/lib/notifications/text";
import { bellCountLabel } from "@/lib/capped-count";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export type ShellNotification = { id: string; kind: string; link: string | null; createdAt: string; read: boolean; data: Record<string, unknown>; customerName?: string | null; conversationPreview?: string | null };

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
  "appointment.confirmed": CalendarCheck,
  "appointment.cancelled": CalendarX,
  "payment.paid_mine": CircleDollarSign,
  "payment.paid_others": CircleDollarSign,
  "review.new": Star,
  "webhooks.endpoint_disabled": AlertTriangle,
};

export function NotificationBell({ notifications, unread }: { notifications: ShellNotification[]; unread: number }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  // "5 minutes ago" against a clock that moves (and without next-intl's fallback warning).
  const now = useNow({ updateInterval: 60_000 });
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const translate = t as unknown as NotificationTranslate;
  const markAll = () =>
    startTransition(async () => {
      await markNotificationsRead({});
      router.refresh();
    });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="relative rounded-lg p-2 text-slate-600 hover:bg-slate-100" aria-label={t("open", { count: bellCountLabel(unread) })} data-testid="notification-bell">
        <Bell className="h-5 w-5" aria-hidden />
        {unread > 0 ? (
          <span className="absolute top-1 right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] font-semibold text-white" data-testid="notification-count">
            {bellCountLabel(unread)}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-96 max-w-[calc(100vw-1rem)]">
        <div className="flex items-center justify-between gap-2">
          <DropdownMenuLabel>{t("title")}</DropdownMenuLabel>
          {unread > 0 ? (
            <DropdownMenuItem
              className="text-xs font-medium text-brand-700"
              disabled={pending}
              data-testid="notifications-mark-all"
              onSelect={(event) => {
                event.preventDefault();
                markAll();
              }}
            >
              <CheckCheck className="h-3.5 w-3.5" aria-hidden />
              {t("markAllRead")}
            </DropdownMenuItem>
          ) : null}
        </div>
        {notifications.length === 0 ? <p className="px-2.5 py-6 text-center text-sm text-slate-500">{t("empty")}</p> : null}
        <div className="max-h-[min(70vh,32rem)] overflow-y-auto">
          {notifications.map((notification) => {
            const Icon = ICONS[notification.kind] ?? Bell;
            const { title: text, subject: named } = notificationHeading(translate, notification);
            const preview = notificationPreview(notification);
            return (
              <DropdownMenuItem key={notification.id} asChild>
                <Link
                  href={notification.link ?? "/conversations"}
                  className="items-start"
                  data-testid="notification-item"
                  data-read={notification.read}
                  onClick={(event) => {
                    if (notification.read) return;
                    // Read first, so the page it opens already counts it as read.
                    event.preventDefault();
                    startTransition(async () => {
                      await markNotificationRead({ id: notification.id });
                      router.push(notification.link ?? "/conversations");
                      router.refresh();
                    });
                  }}
                >
                  <Icon className={`mt-0.5 h-4 w-4 shrink-0 ${/error|failed|disabled/.test(notification.kind) ? "text-red-600" : "text-brand-600"}`} aria-hidden />
                  <span className="min-w-0 flex-1">
                    <span className={`block text-sm ${notification.read ? "text-slate-600" : "font-medium text-slate-900"}`}>{text}</span>
                    {named || preview ? (
                      <span className="block truncate text-xs text-slate-600" data-testid="notification-preview">
                        {named ? <span className="font-medium text-slate-700">{named}</span> : null}
                        {named && preview ? " · " : null}
                        {preview}
                      </span>
                    ) : null}
                    <span className="block text-xs text-slate-500">{format.relativeTime(new Date(notification.createdAt), now)}</span>
                  </span>
                  {notification.read ? null : <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-600" aria-label={t("unread")} />}
                </Link>
              </DropdownMenuItem>
            );
          })}
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
