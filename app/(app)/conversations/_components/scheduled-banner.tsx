"use client";

import { AlertTriangle, CalendarClock, CircleDollarSign, Star, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { deleteScheduledMessage, dismissScheduledMessage, updateScheduledMessage } from "@/lib/scheduling/actions";
import { renderTemplate } from "@/lib/templates/render";
import { AttributePicker, type PickerAttribute } from "@/components/composer/attribute-picker";
import { AttributeLabels } from "@/components/composer/attribute-token";
import { TemplateEditor, type TemplateEditorHandle } from "@/components/composer/template-editor";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { DeleteScheduledButton } from "./delete-scheduled-button";

export type PendingScheduled = {
  id: string;
  body: string;
  sendAt: string;
  sendAtLocal: string;
  kind: "message" | "payment_request" | "review_request";
  /** "failed" rows stay listed, with their reason, until dismissed. */
  status: "pending" | "failed";
  failureReason: string | null;
  payment: { amountCents: number; currency: string; reference: string } | null;
};

const KIND_ICONS = { message: CalendarClock, payment_request: CircleDollarSign, review_request: Star } as const;

/**
 * EDIT-11: the conversation's scheduled messages and payment or review requests; view,
 * edit, reschedule, delete. One that could not be sent stays here with the reason.
 */
export function ScheduledBanner({ scheduled, attributes, previewValues }: { scheduled: PendingScheduled[]; attributes: PickerAttribute[]; previewValues: Record<string, string> }) {
  const t = useTranslations("scheduled");
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState<PendingScheduled | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (scheduled.length === 0) return null;

  const when = (item: PendingScheduled) => format.dateTime(new Date(item.sendAt), { dateStyle: "medium", timeStyle: "short" });
  const preview = (body: string) => {
    try {
      return renderTemplate(body, (path) => previewValues[path]);
    } catch {
      return body;
    }
  };
  // Amount and reference never break inside ("RO-" on one line, "48213" on the next).
  const summary = (item: PendingScheduled) =>
    item.payment
      ? t.rich("paymentSummary", {
          amount: format.number(item.payment.amountCents / 100, { style: "currency", currency: item.payment.currency }),
          reference: item.payment.reference,
          nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
        })
      : item.kind === "review_request"
        ? t("reviewSummary")
        : null;
  const dismiss = (item: PendingScheduled) =>
    startTransition(async () => {
      await dismissScheduledMessage({ id: item.id });
      router.refresh();
    });

  return (
    <div className="border-b border-sky-200 bg-sky-50 px-3 py-2 sm:px-4" data-testid="scheduled-banner">
      <ul className="space-y-1">
        {scheduled.map((item) => {
          const failed = item.status === "failed";
          const Icon = failed ? AlertTriangle : KIND_ICONS[item.kind];
          const about = summary(item);
          return (
            <li key={item.id} className={cn("flex items-start gap-2 text-sm sm:items-center", failed ? "text-red-800" : "text-sky-900")} data-testid="scheduled-item" data-kind={item.kind}>
              <Icon className={cn("mt-0.5 h-4 w-4 shrink-0 sm:mt-0", failed ? "text-red-600" : undefined)} aria-label={t(`kind.${item.kind}`)} />
              <span className="min-w-0 flex-1 sm:truncate">
                <span className="font-medium">{failed ? t("failed", { when: when(item) }) : t("willSend", { when: when(item) })}</span>{" "}
                {about ? <span className="font-medium">{about}</span> : null}
                {about ? " · " : null}
                {failed ? (
                  <span>{errorText(`sendRefusal.${item.failureReason}`)}</span>
                ) : (
                  <span className="text-sky-800/80">{preview(item.body)}</span>
                )}
              </span>
              {failed ? (
                <button
                  type="button"
                  className="inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-300 hover:bg-red-100"
                  onClick={() => dismiss(item)}
                  disabled={pending}
                  aria-label={t("dismissLabel")}
                >
                  <X className="h-3 w-3" aria-hidden />
                  {t("dismiss")}
                </button>
              ) : (
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
              )}
            </li>
          );
        })}
      </ul>
      <Dialog open={open !== null} onOpenChange={(value) => !value && setOpen(null)}>
        {open ? (
          <DialogContent title={t(open.kind === "message" ? "title" : `kind.${open.kind}`)} closeLabel={t("cancel")}>
            <EditScheduled
              item={open}
              attributes={attributes}
              pending={pending}
              error={error}
              onSave={(changes) =>
                startTransition(async () => {
                  const result = await updateScheduledMessage({ id: open.id, ...changes });
                  if (!result.ok) {
                    const field = result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : undefined;
                    return setError(errorText(field ?? result.error, result.values));
                  }
                  setOpen(null);
                  router.refresh();
                })
              }
              onDelete={() =>
                startTransition(async () => {
                  const result = await deleteScheduledMessage({ id: open.id });
                  if (!result.ok) return setError(errorText(result.error));
                  setOpen(null);
                  router.refresh();
                })
              }
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

type Changes = { body: string; sendAt: string; amount?: string; reference?: string };

/** The edit form: the composer's editor (chips, not raw tokens), the time, and a payment's amount and reference. */
function EditScheduled({
  item,
  attributes,
  pending,
  error,
  onSave,
  onDelete,
}: {
  item: PendingScheduled;
  attributes: PickerAttribute[];
  pending: boolean;
  error?: string;
  onSave: (changes: Changes) => void;
  onDelete: () => void;
}) {
  const t = useTranslations("scheduled");
  const format = useFormatter();
  const editor = useRef<TemplateEditorHandle>(null);
  const [body, setBody] = useState(item.body);
  const labels = useMemo(() => new Map(attributes.map((a) => [a.path, a.label])), [attributes]);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => (data.has(name) ? String(data.get(name) ?? "") : undefined);
    onSave({ body, sendAt: String(data.get("sendAt") ?? ""), amount: field("amount"), reference: field("reference") });
  };

  return (
    <form onSubmit={save} className="space-y-4">
      {item.payment ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("amount", { currency: item.payment.currency })} htmlFor="scheduled-amount">
            <Input
              id="scheduled-amount"
              name="amount"
              inputMode="decimal"
              required
              defaultValue={format.number(item.payment.amountCents / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false })}
            />
          </Field>
          <Field label={t("reference")} htmlFor="scheduled-reference">
            <Input id="scheduled-reference" name="reference" required maxLength={40} defaultValue={item.payment.reference} />
          </Field>
        </div>
      ) : null}
      <Field label={t("message")} htmlFor="scheduled-body" hint={item.kind === "message" ? undefined : t("linkNote")}>
        <div className="rounded-lg ring-1 ring-slate-300 ring-inset focus-within:ring-2 focus-within:ring-brand-500">
          <AttributeLabels.Provider value={(path) => labels.get(path) ?? path}>
            <TemplateEditor ref={editor} id="scheduled-body" label={t("message")} placeholder="" initialText={item.body} onChange={(text) => setBody(text)} testId="scheduled-body" />
          </AttributeLabels.Provider>
          <div className="flex items-center gap-1 border-t border-slate-100 px-1.5 py-1">
            <AttributePicker attributes={attributes} onPick={(path) => editor.current?.insertToken(path)} />
          </div>
        </div>
      </Field>
      <Field label={t("sendAt")} htmlFor="scheduled-at">
        <Input id="scheduled-at" name="sendAt" type="datetime-local" required defaultValue={item.sendAtLocal} />
      </Field>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <DeleteScheduledButton pending={pending} onConfirm={onDelete} />
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
