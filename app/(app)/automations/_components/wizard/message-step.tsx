"use client";

import { Send, Smartphone } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState, useTransition } from "react";
import type { PickerAttribute } from "@/components/composer/attribute-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { dryRunAutomationDraft, sendAutomationTestMessage } from "@/lib/automations/actions";
import { renderTemplate } from "@/lib/templates/render";
import { MessageEditor } from "./message-editor";
import { asInput, type StepProps } from "./types";

type Preview = { name: string; text: string } | null;

/** The text as the first matching customer would receive it, refreshed as the message changes. */
function useLivePreview(definition: StepProps["definition"]) {
  const [preview, setPreview] = useState<Preview>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!definition.messageBody.trim()) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      setLoading(true);
      const result = await dryRunAutomationDraft({ definition: asInput(definition), limit: 5 }).catch(() => null);
      if (cancelled) return;
      setLoading(false);
      const row = result?.ok ? (result.data.rows.find((candidate) => candidate.text) ?? null) : null;
      setPreview(row?.text ? { name: row.name, text: row.text } : null);
    }, 500);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // The preview depends on the message and who matches; the rest of the definition does not change the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [definition.messageBody, definition.rules, definition.triggerScope]);
  return { preview: definition.messageBody.trim() ? preview : null, loading };
}

export function MessageStep({ definition, update, errors, attributes, canEditSavedReplies }: StepProps & { attributes: PickerAttribute[]; canEditSavedReplies: boolean }) {
  const t = useTranslations("automations.wizard");
  const errorText = useErrorText();
  const { preview, loading } = useLivePreview(definition);
  const sample = useMemo(() => {
    try {
      return renderTemplate(definition.messageBody, () => null);
    } catch {
      return definition.messageBody;
    }
  }, [definition.messageBody]);
  const [mobile, setMobile] = useState("");
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string; sent?: string | null } | null>(null);
  const [sending, startSending] = useTransition();
  const sendTest = () =>
    startSending(async () => {
      const result = await sendAutomationTestMessage({ definition: asInput(definition), mobile });
      if (!result.ok) return setTestResult({ ok: false, text: errorText(result.fieldErrors?.mobile?.[0] ?? result.error, result.values) ?? "" });
      setTestResult(result.data.sent ? { ok: true, text: t("testSent", { mobile }), sent: result.data.text } : { ok: false, text: t("testRefused", { reason: t(`skipReasons.${result.data.reason}`) }) });
    });
  const settings = definition.settings;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-5">
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-slate-700" id="automation-message-label">
            {t("message")}
          </p>
          <MessageEditor
            id="automation-message"
            label={t("message")}
            placeholder={t(`messagePlaceholders.${definition.type}`)}
            value={definition.messageBody}
            onChange={(messageBody) => update({ messageBody })}
            attributes={attributes}
            canEditSavedReplies={canEditSavedReplies}
            invalid={Boolean(errors.messageBody)}
          />
          {errors.messageBody ? (
            <p role="alert" className="text-sm text-red-600">
              {errorText(errors.messageBody)}
            </p>
          ) : (
            <p className="text-sm text-slate-500">{definition.type === "payment_request" ? t("paymentLinkAdded") : definition.type === "review_request" ? t("reviewLinkAdded") : t("messageHint")}</p>
          )}
        </div>

        {definition.type === "payment_request" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("paymentAmount")} htmlFor="payment-amount" hint={t("paymentAmountHint")} error={errorText(errors["settings.paymentAmountCents"])}>
              <Input
                id="payment-amount"
                inputMode="decimal"
                value={settings.paymentAmountCents ? String(settings.paymentAmountCents / 100) : ""}
                onChange={(event) => {
                  const amount = Number(event.target.value.replace(",", "."));
                  update({ settings: { ...settings, paymentAmountCents: event.target.value && Number.isFinite(amount) ? Math.round(amount * 100) : null } });
                }}
              />
            </Field>
            <Field label={t("paymentAttribute")} htmlFor="payment-attribute" hint={t("paymentAttributeHint")}>
              <Input
                id="payment-attribute"
                value={settings.paymentAmountAttribute ?? ""}
                placeholder="total"
                onChange={(event) => update({ settings: { ...settings, paymentAmountAttribute: event.target.value || null } })}
              />
            </Field>
            <Field label={t("paymentDescription")} htmlFor="payment-description" className="sm:col-span-2">
              <Input
                id="payment-description"
                value={settings.paymentDescription ?? ""}
                placeholder={t("paymentDescriptionPlaceholder")}
                onChange={(event) => update({ settings: { ...settings, paymentDescription: event.target.value || null } })}
              />
            </Field>
          </div>
        ) : null}

        <label className="flex items-start gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset">
          <input
            type="checkbox"
            checked={definition.marketing}
            onChange={(event) => update({ marketing: event.target.checked })}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
            data-testid="automation-marketing"
          />
          <span>
            <span className="block text-sm font-medium text-slate-800">{t("marketing")}</span>
            <span className="block text-sm text-slate-500">{t("marketingHint")}</span>
          </span>
        </label>
      </div>

      <aside className="space-y-4">
        <div className="rounded-2xl bg-slate-100 p-4" aria-live="polite" data-testid="automation-preview" data-customer={preview?.name}>
          <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
            <Smartphone className="h-3.5 w-3.5" aria-hidden />
            {preview ? t("previewFor", { name: preview.name }) : t("previewSample")}
          </p>
          <div className="mt-3 max-w-[16rem] rounded-2xl rounded-bl-sm bg-white px-3.5 py-2.5 text-sm whitespace-pre-wrap text-slate-800 shadow-sm" data-testid="automation-preview-text">
            {preview?.text ?? (sample || <span className="text-slate-400">{t("previewEmpty")}</span>)}
          </div>
          {loading ? <p className="mt-2 text-xs text-slate-400">{t("previewLoading")}</p> : null}
        </div>

        <div className="space-y-2 rounded-xl p-4 ring-1 ring-slate-200 ring-inset">
          <Field label={t("testMobile")} htmlFor="test-mobile" hint={t("testHint")}>
            <Input id="test-mobile" type="tel" inputMode="tel" autoComplete="tel" value={mobile} placeholder="+1 514 555 0123" onChange={(event) => setMobile(event.target.value)} />
          </Field>
          <Button variant="secondary" className="w-full" onClick={sendTest} pending={sending} disabled={!mobile.trim() || !definition.messageBody.trim()} icon={<Send className="h-4 w-4" aria-hidden />} data-testid="automation-send-test">
            {t("sendTest")}
          </Button>
          {testResult ? (
            <Alert tone={testResult.ok ? "success" : "error"}>
              {testResult.text}
              {/* What was sent, link included, as the customer gets it. */}
              {testResult.sent ? <span className="mt-1 block text-xs break-words whitespace-pre-wrap" data-testid="automation-test-text">{testResult.sent}</span> : null}
            </Alert>
          ) : null}
        </div>
      </aside>
    </div>
  );
}
