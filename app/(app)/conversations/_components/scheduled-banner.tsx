"use client";

import { CalendarClock } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { deleteScheduledMessage, updateScheduledMessage } from "@/lib/scheduling/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { DeleteScheduledButton } from "./delete-scheduled-button";

export type PendingScheduled = { id: string; body: string; sendAt: string; sendAtLocal: string };

/** EDIT-11: the conversation's pending scheduled messages; view, edit, reschedule, delete. */
export function ScheduledBanner({ scheduled }: { scheduled: PendingScheduled[] }) {
  const t = useTranslations("scheduled");
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState<PendingScheduled | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (scheduled.length === 0) return null;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateScheduledMessage({ id: open!.id, body: String(data.get("body") ?? ""), sendAt: String(data.get("sendAt") ?? "") });
      if (!result.ok) return setError(errorText(result.fieldErrors?.sendAt?.[0] ?? result.fieldErrors?.body?.[0] ?? result.error, result.values));
      setOpen(null);
      router.refresh();
    });
  };
  const remove = () =>
    startTransition(async () => {
      const result = await deleteScheduledMessage({ id: open!.id });
      if (!result.ok) return setError(errorText(result.error));
      setOpen(null);
      router.refresh();
    });

  return (
    <div className="border-b border-sky-200 bg-sky-50 px-3 py-2 sm:px-4" data-testid="scheduled-banner">
      <ul className="space-y-1">
        {scheduled.map((item) => (
          <li key={item.id} className="flex items-center gap-2 text-sm text-sky-900">
            <CalendarClock className="h-4 w-4 shrink-0" aria-hidden />
            <span className="min-w-0 flex-1 truncate">
              <span className="font-medium">{t("willSend", { when: format.dateTime(new Date(item.sendAt), { dateStyle: "medium", timeStyle: "short" }) })}</span>{" "}
              <span className="text-sky-800/80">{item.body}</span>
            </span>
            <button
              type="button"
              className="shrink-0 rounded-md px-2 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-sky-300 hover:bg-sky-100"
              onClick={() => {
                setError(undefined);
                setOpen(item);
              }}
            >
              {t("view")}
            </button>
          </li>
        ))}
      </ul>
      <Dialog open={open !== null} onOpenChange={(value) => !value && setOpen(null)}>
        {open ? (
          <DialogContent title={t("title")} closeLabel={t("cancel")}>
            <form onSubmit={save} className="space-y-4">
              <Field label={t("message")} htmlFor="scheduled-body">
                <Textarea id="scheduled-body" name="body" rows={4} defaultValue={open.body} />
              </Field>
              <Field label={t("sendAt")} htmlFor="scheduled-at">
                <Input id="scheduled-at" name="sendAt" type="datetime-local" defaultValue={open.sendAtLocal} />
              </Field>
              {error ? (
                <p role="alert" className="text-sm text-red-600">
                  {error}
                </p>
              ) : null}
              <div className="flex items-center justify-between gap-2">
                <DeleteScheduledButton pending={pending} onConfirm={remove} />
                <Button type="submit" pending={pending}>
                  {t("save")}
                </Button>
              </div>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
