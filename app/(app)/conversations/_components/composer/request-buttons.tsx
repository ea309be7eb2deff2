"use client";

import { CircleDollarSign, Star } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { createPaymentRequest } from "@/lib/payments/actions";
import { createReviewRequest } from "@/lib/reviews/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useDialogAction } from "@/components/ui/use-action";
import { toolbarButton, type PickerAttribute } from "@/components/composer/attribute-picker";
import { MessageField } from "./request-message-field";

type Common = { conversationId: string; defaultText: string; disabled?: boolean; canEditSavedReplies: boolean; attributes: PickerAttribute[]; onSent: (notice: string) => void };

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
export function PaymentRequestButton({ conversationId, defaultText, disabled, canEditSavedReplies, attributes, onSent, enabled, currency }: Common & { enabled: boolean; currency: string }) {
  const t = useTranslations("requests");
  // The example amount in the reader's format: 389,95 in French, 389.95 in English.
  const format = useFormatter();
  const router = useRouter();
  const [body, setBody] = useState(defaultText);
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    run(
      () => createPaymentRequest({ conversationId, amount: String(form.amount ?? ""), reference: String(form.reference ?? ""), body }),
      () => {
        setOpen(false);
        setBody(defaultText);
        onSent(t("paymentSent"));
        router.refresh();
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
        <form onSubmit={submit} className="grid gap-4" data-testid="payment-request-form">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="grid grid-cols-[1fr_1fr] gap-4">
            <Field label={t("amount", { currency })} htmlFor="payment-amount" error={fieldError("amount")}>
              <Input id="payment-amount" name="amount" inputMode="decimal" placeholder={format.number(389.95, { minimumFractionDigits: 2 })} autoFocus required />
            </Field>
            <Field label={t("reference")} htmlFor="payment-reference" error={fieldError("reference")}>
              <Input id="payment-reference" name="reference" placeholder="RO-48213" required maxLength={40} />
            </Field>
          </div>
          <MessageField value={body} onChange={setBody} canEditSavedReplies={canEditSavedReplies} attributes={attributes} error={fieldError("body")} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" data-testid="send-payment-request" pending={pending} icon={<CircleDollarSign className="h-4 w-4" aria-hidden />}>
              {t("sendPayment")}
            </Button>
          </div>
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
export function ReviewRequestButton({ conversationId, defaultText, disabled, canEditSavedReplies, attributes, onSent }: Common) {
  const t = useTranslations("requests");
  const router = useRouter();
  const [body, setBody] = useState(defaultText);
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(
      () => createReviewRequest({ conversationId, body }),
      () => {
        setOpen(false);
        setBody(defaultText);
        onSent(t("reviewSent"));
        router.refresh();
      },
    );
  };

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
        {error ? <Alert tone="error">{error}</Alert> : null}
        <MessageField value={body} onChange={setBody} canEditSavedReplies={canEditSavedReplies} attributes={attributes} error={fieldError("body")} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" data-testid="send-review-request" pending={pending} icon={<Star className="h-4 w-4" aria-hidden />}>
            {t("sendReview")}
          </Button>
        </div>
      </form>
    </RequestDialog>
  );
}
