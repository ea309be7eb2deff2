"use client";

import { CircleDollarSign, Star } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { createPaymentRequest } from "@/lib/payments/actions";
import { createReviewRequest } from "@/lib/reviews/actions";
import { schedulePaymentRequest, scheduleReviewRequest } from "@/lib/scheduling/actions";
import { schedulePresets } from "@/lib/scheduling/presets";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useDialogAction } from "@/components/ui/use-action";
import { toolbarButton, type PickerAttribute } from "@/components/composer/attribute-picker";
import { MessageField } from "./request-message-field";
import { ScheduleMenu } from "./schedule-menu";

type Common = {
  conversationId: string;
  defaultText: string;
  disabled?: boolean;
  canEditSavedReplies: boolean;
  attributes: PickerAttribute[];
  /** The company's: schedule presets and custom times are in it (EDIT-11). */
  timeZone: string;
  onSent: (notice: string) => void;
};

/**
 * "Send now" and, beside it, "Schedule" with the composer's presets and custom time
 * (EDIT-11). A scheduled request gets its link when it is sent, not now.
 */
function SendOrSchedule({
  timeZone,
  pending,
  sendLabel,
  sendTestId,
  icon,
  onCancel,
  onSchedule,
}: {
  timeZone: string;
  pending: boolean;
  sendLabel: string;
  sendTestId: string;
  icon: ReactNode;
  onCancel: () => void;
  onSchedule: (local: string) => void;
}) {
  const t = useTranslations("requests");
  const [now] = useState(() => new Date());
  const [customOpen, setCustomOpen] = useState(false);
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button variant="ghost" onClick={onCancel} className="mr-auto">
        {t("cancel")}
      </Button>
      <ScheduleMenu
        presets={schedulePresets(now, timeZone)}
        disabled={pending}
        pending={pending}
        dialogOpen={customOpen}
        onDialogOpenChange={setCustomOpen}
        onSchedule={(local) => {
          // Errors show in the request's dialog, beside the fields they are about.
          setCustomOpen(false);
          onSchedule(local);
        }}
        label={t("schedule")}
        testId={`${sendTestId}-schedule`}
      />
      <Button type="submit" data-testid={sendTestId} pending={pending} icon={icon}>
        {sendLabel}
      </Button>
    </div>
  );
}

/** The form's fields, once the browser has checked the required ones; null when it points at what is missing. */
function checkedFields(form: HTMLFormElement | null) {
  if (!form) return null;
  if (!form.checkValidity()) {
    // After the time picker has closed, so the browser can point at the field.
    setTimeout(() => form.reportValidity(), 0);
    return null;
  }
  return Object.fromEntries(new FormData(form));
}

function RequestDialog({
  icon,
  label,
  title,
  description,
  testId,
  disabled,
  children,
  open,
  onOpenChange,
}: {
  icon: ReactNode;
  label: string;
  title: string;
  description: string;
  testId: string;
  disabled?: boolean;
  children: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations("requests");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <button type="button" className={toolbarButton} aria-label={label} title={label} disabled={disabled} data-testid={testId}>
          {icon}
        </button>
      </DialogTrigger>
      <DialogContent title={title} description={description} closeLabel={t("close")}>
        {children}
      </DialogContent>
    </Dialog>
  );
}

/** EDIT-6: amount and reference, then a text with a secure Stripe payment link. */
export function PaymentRequestButton({ conversationId, defaultText, disabled, canEditSavedReplies, attributes, timeZone, onSent, enabled, currency }: Common & { enabled: boolean; currency: string }) {
  const t = useTranslations("requests");
  // The example amount in the reader's format: 389,95 in French, 389.95 in English.
  const format = useFormatter();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState(defaultText);
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();
  const finish = (notice: string) => {
    setOpen(false);
    setBody(defaultText);
    onSent(notice);
    router.refresh();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    run(() => createPaymentRequest({ conversationId, amount: String(form.amount ?? ""), reference: String(form.reference ?? ""), body }), () => finish(t("paymentSent")));
  };
  const schedule = (local: string) => {
    const form = checkedFields(formRef.current);
    if (!form) return;
    run(
      () => schedulePaymentRequest({ conversationId, amount: String(form.amount ?? ""), reference: String(form.reference ?? ""), body, sendAt: local }),
      (data) => {
        finish(t("paymentScheduled", { when: format.dateTime(new Date(data.sendAt), { dateStyle: "medium", timeStyle: "short" }) }));
      },
    );
  };

  return (
    <RequestDialog
      icon={<CircleDollarSign className="h-4 w-4" aria-hidden />}
      label={t("paymentButton")}
      title={t("paymentTitle")}
      description={t("paymentDescription")}
      testId="payment-request-button"
      disabled={disabled}
      open={open}
      onOpenChange={onOpenChange}
    >
      {enabled ? (
        <form ref={formRef} onSubmit={submit} className="grid gap-4" data-testid="payment-request-form">
          {error || fieldError("sendAt") ? <Alert tone="error">{error || fieldError("sendAt")}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("amount", { currency })} htmlFor="payment-amount" error={fieldError("amount")}>
              <Input id="payment-amount" name="amount" inputMode="decimal" placeholder={format.number(389.95, { minimumFractionDigits: 2 })} autoFocus required />
            </Field>
            <Field label={t("reference")} htmlFor="payment-reference" error={fieldError("reference")}>
              <Input id="payment-reference" name="reference" placeholder="RO-48213" required maxLength={40} />
            </Field>
          </div>
          <MessageField value={body} onChange={setBody} canEditSavedReplies={canEditSavedReplies} attributes={attributes} error={fieldError("body")} />
          <SendOrSchedule
            timeZone={timeZone}
            pending={pending}
            sendLabel={t("sendPayment")}
            sendTestId="send-payment-request"
            icon={<CircleDollarSign className="h-4 w-4" aria-hidden />}
            onCancel={() => setOpen(false)}
            onSchedule={schedule}
          />
        </form>
      ) : (
        <Alert tone="info">
          <p className="font-medium">{t("paymentsOffTitle")}</p>
          <p className="mt-1">{t("paymentsOffBody")}</p>
        </Alert>
      )}
    </RequestDialog>
  );
}

/** EDIT-10: a text with a link to the review page. */
export function ReviewRequestButton({ conversationId, defaultText, disabled, canEditSavedReplies, attributes, timeZone, onSent }: Common) {
  const t = useTranslations("requests");
  const format = useFormatter();
  const router = useRouter();
  const [body, setBody] = useState(defaultText);
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();
  const finish = (notice: string) => {
    setOpen(false);
    setBody(defaultText);
    onSent(notice);
    router.refresh();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(() => createReviewRequest({ conversationId, body }), () => finish(t("reviewSent")));
  };
  const schedule = (local: string) =>
    run(
      () => scheduleReviewRequest({ conversationId, body, sendAt: local }),
      (data) => {
        finish(t("reviewScheduled", { when: format.dateTime(new Date(data.sendAt), { dateStyle: "medium", timeStyle: "short" }) }));
      },
    );

  return (
    <RequestDialog
      icon={<Star className="h-4 w-4" aria-hidden />}
      label={t("reviewButton")}
      title={t("reviewTitle")}
      description={t("reviewDescription")}
      testId="review-request-button"
      disabled={disabled}
      open={open}
      onOpenChange={onOpenChange}
    >
      <form onSubmit={submit} className="grid gap-4">
        {error || fieldError("sendAt") ? <Alert tone="error">{error || fieldError("sendAt")}</Alert> : null}
        <MessageField value={body} onChange={setBody} canEditSavedReplies={canEditSavedReplies} attributes={attributes} error={fieldError("body")} />
        <SendOrSchedule
          timeZone={timeZone}
          pending={pending}
          sendLabel={t("sendReview")}
          sendTestId="send-review-request"
          icon={<Star className="h-4 w-4" aria-hidden />}
          onCancel={() => setOpen(false)}
          onSchedule={schedule}
        />
      </form>
    </RequestDialog>
  );
}
