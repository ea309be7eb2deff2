"use client";

import { ArrowRight, Loader2, Save, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import type { z } from "zod";
import type { PickerAttribute } from "@/components/composer/attribute-picker";
import { useFileAttachments } from "@/components/composer/file-attachments";
import type { UploadedFile } from "@/components/composer/uploads";
import { TemplateField } from "@/components/composer/template-field";
import { RuleBuilder, ruleErrors, type RuleErrors } from "@/components/audience/rule-builder";
import { useAudienceCount, type AudienceRulesInput } from "@/components/audience/use-audience-count";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChoiceCard } from "@/components/ui/choice-card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import type { AudienceCatalogue } from "@/lib/automations/rules/catalogue";
import { countCampaignAudience, saveCampaign } from "@/lib/campaigns/actions";
import { withCostliestOptOutFooter } from "@/lib/campaigns/footer";
import type { saveCampaignSchema } from "@/lib/campaigns/validation";
import { zonedLocalToUtc } from "@/lib/time";
import { GroupPicker } from "./group-picker";
import type { CampaignFormValues, CampaignGroup } from "./types";

type RequestKind = "none" | "payment_request" | "review_request";

const countAudience = (rules: AudienceRulesInput) => countCampaignAudience({ rules });

/**
 * A campaign's draft (IMPL-1): the text with the composer's editor, marketing or not, who
 * receives it (groups and/or rules, with the live count), when, and who gets the replies.
 * Saving leads to the dry run, where sending is confirmed.
 */
export function CampaignForm({
  campaignId,
  initial,
  catalogue,
  attributes,
  groups,
  users,
  timeZone,
  companyName,
  currency,
  canEditSavedReplies,
  initialFiles,
  appUrl,
}: {
  campaignId?: string;
  initial: CampaignFormValues;
  catalogue: AudienceCatalogue;
  attributes: PickerAttribute[];
  groups: CampaignGroup[];
  users: { id: string; name: string }[];
  timeZone: string;
  companyName: string;
  currency: string;
  canEditSavedReplies: boolean;
  /** The campaign's files (sent as links after the text). */
  initialFiles: UploadedFile[];
  /** Where the files' public links point. */
  appUrl: string;
}) {
  const t = useTranslations("campaigns.form");
  const errorText = useErrorText();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [failure, setFailure] = useState<string>();
  const [savedId, setSavedId] = useState(campaignId);
  const [notice, setNotice] = useState(false);
  const [pending, startTransition] = useTransition();
  const files = useFileAttachments(initialFiles);
  const update = (changes: Partial<CampaignFormValues>) => {
    setNotice(false);
    setValues((current) => ({ ...current, ...changes }));
  };
  const liveRuleErrors = ruleErrors(values.audience, "audience");
  const rulesValid = Object.keys(liveRuleErrors).length === 0;
  const { count, error: countError, counting } = useAudienceCount(values.audience, rulesValid, countAudience, "campaign");
  const requestKind: RequestKind = values.request?.kind ?? "none";

  const save = (review: boolean) =>
    startTransition(async () => {
      const result = await saveCampaign({
        id: savedId,
        name: values.name,
        messageBody: values.messageBody,
        marketing: values.marketing,
        // The stored rule types name operators as strings; the action's schema re-checks them.
        audience: values.audience as z.input<typeof saveCampaignSchema>["audience"],
        request: values.request,
        sendAt: values.sendAt ? zonedLocalToUtc(values.sendAt, timeZone).toISOString() : null,
        repliesUserId: values.repliesUserId,
        attachmentIds: files.uploaded,
      });
      if (!result.ok) {
        const found: RuleErrors = {};
        for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) found[path] ??= messages[0] ?? "";
        setErrors(found);
        setFailure(Object.keys(found).length ? t("fixFields") : errorText(result.error, result.values));
        return;
      }
      setErrors({});
      setFailure(undefined);
      setSavedId(result.data.id);
      if (review) {
        router.push(`/campaigns/${result.data.id}`);
        router.refresh();
      } else {
        setNotice(true);
        if (!savedId) router.replace(`/campaigns/${result.data.id}/edit`);
      }
    });
  const fieldError = (path: string) => (errors[path] ? errorText(errors[path]) : undefined);

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        save(true);
      }}
      noValidate
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {notice ? <Alert tone="success">{t("saved")}</Alert> : null}

      <Section title={t("messageTitle")} hint={t("messageHint")}>
        <Field label={t("name")} htmlFor="campaign-name" hint={t("nameHint")} error={fieldError("name")}>
          <Input id="campaign-name" value={values.name} onChange={(event) => update({ name: event.target.value })} maxLength={120} aria-invalid={Boolean(errors.name) || undefined} data-testid="campaign-name" />
        </Field>
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-slate-700">{t("message")}</p>
          <TemplateField
            id="campaign-message"
            label={t("message")}
            placeholder={t("messagePlaceholder")}
            value={values.messageBody}
            onChange={(messageBody) => update({ messageBody })}
            attributes={attributes}
            invalid={Boolean(errors.messageBody)}
            savedReplies={{ canEdit: canEditSavedReplies }}
            files={{ attachments: files, appUrl }}
            countAs={values.marketing ? (text) => withCostliestOptOutFooter(text, companyName) : undefined}
          />
          {errors.messageBody ? (
            <p role="alert" className="text-sm text-red-600">
              {fieldError("messageBody")}
            </p>
          ) : (
            <p className="text-sm text-slate-500">{t("messageFieldHint")}</p>
          )}
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("request")}</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {(["none", "payment_request", "review_request"] as const).map((kind) => (
              <ChoiceCard
                key={kind}
                name="campaign-request"
                checked={requestKind === kind}
                onSelect={() => update({ request: kind === "none" ? null : kind === "review_request" ? { kind } : { kind, amountCents: 0, currency, reference: null } })}
                title={t(`requests.${kind}`)}
                testId={`campaign-request-${kind}`}
              />
            ))}
          </div>
          {values.request?.kind === "payment_request" ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label={t("amount", { currency: values.request.currency })} htmlFor="campaign-amount" error={fieldError("request.amountCents")}>
                <Input
                  id="campaign-amount"
                  inputMode="decimal"
                  defaultValue={values.request.amountCents ? String(values.request.amountCents / 100) : ""}
                  onChange={(event) => {
                    const amount = Number(event.target.value.replace(",", "."));
                    if (values.request?.kind === "payment_request") update({ request: { ...values.request, amountCents: Number.isFinite(amount) ? Math.round(amount * 100) : 0 } });
                  }}
                />
              </Field>
              <Field label={t("reference")} htmlFor="campaign-reference" hint={t("referenceHint")}>
                <Input
                  id="campaign-reference"
                  value={values.request.reference ?? ""}
                  onChange={(event) => values.request?.kind === "payment_request" && update({ request: { ...values.request, reference: event.target.value || null } })}
                />
              </Field>
            </div>
          ) : values.request?.kind === "review_request" ? (
            <p className="text-sm text-slate-500">{t("reviewHint")}</p>
          ) : null}
        </fieldset>

        <label className="flex items-start gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset">
          <input
            type="checkbox"
            checked={values.marketing}
            onChange={(event) => update({ marketing: event.target.checked })}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
            data-testid="campaign-marketing"
          />
          <span>
            <span className="block text-sm font-medium text-slate-800">{t("marketing")}</span>
            <span className="block text-sm text-slate-500">{values.marketing ? t("marketingOn", { company: companyName }) : t("marketingOff")}</span>
          </span>
        </label>
      </Section>

      <Section title={t("audienceTitle")} hint={t("audienceHint")}>
        <GroupPicker groups={groups} rules={values.audience} onChange={(audience) => update({ audience })} />
        <RuleBuilder rules={values.audience} onChange={(audience) => update({ audience })} catalogue={catalogue} errors={{ ...liveRuleErrors, ...errors }} path="audience" />
        <div className="flex items-center gap-3 rounded-xl bg-brand-50 px-4 py-3 ring-1 ring-brand-200 ring-inset" aria-live="polite" data-testid="campaign-audience-count">
          <Users className="h-5 w-5 shrink-0 text-brand-700" aria-hidden />
          <p className="flex-1 text-sm text-brand-900">
            {!rulesValid ? (
              t("countIncomplete")
            ) : countError ? (
              countError
            ) : count === null ? (
              t("counting")
            ) : (
              <>
                <span className="text-lg font-semibold tabular-nums" data-testid="campaign-audience-count-value">
                  {count.toLocaleString()}
                </span>{" "}
                {t("countMatch", { count })}
              </>
            )}
          </p>
          {counting && rulesValid ? <Loader2 className="h-4 w-4 animate-spin text-brand-700" aria-label={t("counting")} /> : null}
        </div>
        <p className="text-sm text-slate-500">{t("countHint")}</p>
      </Section>

      <Section title={t("whenTitle")} hint={t("whenHint")}>
        <fieldset className="grid gap-3 md:grid-cols-2">
          <legend className="sr-only">{t("whenTitle")}</legend>
          <ChoiceCard name="campaign-when" checked={values.sendAt === null} onSelect={() => update({ sendAt: null })} title={t("sendNow")} hint={t("sendNowHint")} testId="campaign-send-now" />
          <ChoiceCard name="campaign-when" checked={values.sendAt !== null} onSelect={() => update({ sendAt: values.sendAt ?? "" })} title={t("sendLater")} hint={t("sendLaterHint")} testId="campaign-send-later">
            {values.sendAt !== null ? (
              <>
                <label htmlFor="campaign-send-at" className="sr-only">
                  {t("sendAt")}
                </label>
                <Input id="campaign-send-at" type="datetime-local" value={values.sendAt} onChange={(event) => update({ sendAt: event.target.value })} className="max-w-56" aria-invalid={Boolean(errors.sendAt) || undefined} />
                <span className="text-slate-500">{t("inZone", { zone: timeZone })}</span>
              </>
            ) : null}
          </ChoiceCard>
        </fieldset>
        {errors.sendAt ? (
          <p role="alert" className="text-sm text-red-600">
            {fieldError("sendAt")}
          </p>
        ) : null}
        <Field label={t("repliesUser")} htmlFor="campaign-replies-user" hint={t("repliesUserHint")} error={fieldError("repliesUserId")}>
          <Select id="campaign-replies-user" value={values.repliesUserId ?? ""} onChange={(event) => update({ repliesUserId: event.target.value || null })} className="sm:max-w-xs" data-testid="campaign-replies-user">
            <option value="">{t("repliesNobody")}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </Select>
        </Field>
      </Section>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end [&>button]:w-full sm:[&>button]:w-auto">
        <Button type="button" variant="secondary" onClick={() => save(false)} pending={pending} disabled={files.uploading} icon={<Save className="h-4 w-4" aria-hidden />} data-testid="campaign-save">
          {t("saveDraft")}
        </Button>
        <Button type="submit" disabled={pending || files.uploading} data-testid="campaign-review">
          {t("review")}
          <ArrowRight className="h-4 w-4" aria-hidden />
        </Button>
      </div>
    </form>
  );
}

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Card>
      <div className="border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <p className="mt-0.5 text-sm text-slate-500">{hint}</p>
      </div>
      <div className="space-y-5 px-5 py-5 sm:px-6">{children}</div>
    </Card>
  );
}
