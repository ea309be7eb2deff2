"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { withSignature } from "@/lib/messaging/signature";
import { SIGNATURE_MAX_LENGTH } from "@/lib/users/validation";
import { saveSignature } from "@/lib/users/actions";

/** USER-3: on or off, its text (empty = the profile name) and the message it ends, exactly as sent. */
export function SignatureForm({ name, signature, enabled: initialEnabled }: { name: string; signature: string; enabled: boolean }) {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const router = useRouter();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [text, setText] = useState(signature);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const preview = withSignature(t("signatureSample"), { name, signature: text, signatureEnabled: enabled });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    startTransition(async () => {
      const result = await saveSignature({ enabled, signature: text });
      if (!result.ok) return setError(errorText(result.fieldErrors?.signature?.[0] ?? result.error));
      setError(undefined);
      setSaved(true);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="signature-form">
      <div className="space-y-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {saved ? <Alert tone="success">{t("signatureSaved")}</Alert> : null}
        <CheckboxField label={t("signatureEnable")} name="enabled" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <Field label={t("signatureText")} htmlFor="signature-text" hint={t("signatureHint", { max: SIGNATURE_MAX_LENGTH })}>
          <Input id="signature-text" name="signature" value={text} placeholder={name} maxLength={SIGNATURE_MAX_LENGTH + 20} disabled={!enabled} onChange={(event) => setText(event.target.value)} />
        </Field>
        <div>
          <Button type="submit" pending={pending}>
            {t("save")}
          </Button>
        </div>
      </div>
      <div>
        <div className="mb-1.5 text-sm font-medium text-slate-700">{t("signaturePreview")}</div>
        <div className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
          <p data-testid="signature-preview" className="ml-auto max-w-[85%] whitespace-pre-wrap rounded-2xl rounded-br-sm bg-brand-600 px-3.5 py-2 text-sm text-white">
            {preview}
          </p>
        </div>
        <p className="mt-1.5 text-sm text-slate-500">{t("signatureManualOnly")}</p>
      </div>
    </form>
  );
}
