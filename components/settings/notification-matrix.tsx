"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-error-text";
import { saveNotificationPreferences } from "@/lib/notifications/actions";
import { NOTIFICATION_CHANNELS, type NotificationCategory, type NotificationChannel } from "@/lib/notifications/preferences";

type MatrixEvent = { id: string; channels: readonly NotificationChannel[]; values: Record<NotificationChannel, boolean> };
type MatrixCategory = { category: NotificationCategory; events: MatrixEvent[] };

type Ticks = Record<string, Partial<Record<NotificationChannel, boolean>>>;

const GRID = "grid grid-cols-[minmax(0,1fr)_repeat(3,3rem)] items-center gap-x-1 sm:grid-cols-[minmax(0,1fr)_repeat(3,5rem)]";

/** USER-5: event × channel checkboxes, one table per category; native checkboxes, so Tab and Space work. */
export function NotificationMatrix({ categories, emailMinutes }: { categories: MatrixCategory[]; emailMinutes: number }) {
  const t = useTranslations("notificationSettings");
  const errorText = useErrorText();
  const router = useRouter();
  const [ticks, setTicks] = useState<Ticks>(() => Object.fromEntries(categories.flatMap((c) => c.events.map((e) => [e.id, { ...e.values }]))));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const eventLabel = (id: string) => t(`events.${id}.label` as "events.conversations.new_message.label");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    // Only the channels each event offers are sent.
    const preferences = Object.fromEntries(
      categories.flatMap((c) => c.events.map((e) => [e.id, Object.fromEntries(e.channels.map((channel) => [channel, ticks[e.id]?.[channel] ?? false]))])),
    );
    startTransition(async () => {
      const result = await saveNotificationPreferences({ preferences });
      if (!result.ok) return setError(errorText(result.error));
      setError(undefined);
      setSaved(true);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-6" data-testid="notification-matrix">
      <p className="text-sm text-slate-600">{t("emailBatching", { minutes: emailMinutes })} {t("pushHint")}</p>
      {categories.map(({ category, events }) => (
        <fieldset key={category} className="min-w-0" data-testid={`notification-category-${category}`}>
          <legend className="sr-only">{t(`category.${category}`)}</legend>
          <div className={`${GRID} border-b border-slate-200 pb-2`} aria-hidden>
            <span className="text-sm font-semibold text-slate-900">{t(`category.${category}`)}</span>
            {NOTIFICATION_CHANNELS.map((channel) => (
              <span key={channel} className="text-center text-xs font-medium tracking-wide text-slate-500 uppercase">
                {t(`channel.${channel}`)}
              </span>
            ))}
          </div>
          <ul className="divide-y divide-slate-100">
            {events.map((e) => (
              <li key={e.id} className={`${GRID} py-2.5`}>
                <div className="min-w-0">
                  <div className="text-sm font-medium text-slate-800">{eventLabel(e.id)}</div>
                  <div className="text-xs text-slate-500">{t(`events.${e.id}.hint` as "events.conversations.new_message.hint")}</div>
                </div>
                {NOTIFICATION_CHANNELS.map((channel) =>
                  e.channels.includes(channel) ? (
                    <label key={channel} className="flex h-10 cursor-pointer items-center justify-center rounded-lg hover:bg-slate-50">
                      <input
                        type="checkbox"
                        className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                        aria-label={t("tick", { event: eventLabel(e.id), channel: t(`channel.${channel}`) })}
                        data-testid={`notify-${e.id}-${channel}`}
                        checked={ticks[e.id]?.[channel] ?? false}
                        onChange={(change) => setTicks((current) => ({ ...current, [e.id]: { ...current[e.id], [channel]: change.target.checked } }))}
                      />
                    </label>
                  ) : (
                    <span key={channel} className="text-center text-slate-300" title={t("notApplicable")}>
                      <span aria-hidden>—</span>
                      <span className="sr-only">{t("notApplicable")}</span>
                    </span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div>
        <Button type="submit" pending={pending} data-testid="notification-matrix-save">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
