"use client";

import { ArrowDown, ArrowUp, Plus, Sparkles, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import type { KeywordResponse } from "@/db/schema";
import { REPLY_ACTIONS } from "@/lib/automations/validation";
import { KEYWORD_SUGGESTIONS, KeywordInput } from "./keyword-input";
import type { StepProps, WizardUser } from "./types";

const SUGGESTIONS_BY_ACTION: Record<string, string[]> = {
  confirm_appointment: KEYWORD_SUGGESTIONS,
  cancel_appointment: ["Non", "No"],
  reschedule_appointment: ["Changer", "Reporter", "Déplacer", "Reschedule"],
};

function Toggle({ id, checked, onChange, title, hint, testId, disabled }: { id: string; checked: boolean; onChange: (checked: boolean) => void; title: ReactNode; hint?: ReactNode; testId?: string; disabled?: boolean }) {
  return (
    <label htmlFor={id} className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500 disabled:opacity-50"
        data-testid={testId}
      />
      <span>
        <span className="block text-sm font-medium text-slate-800">{title}</span>
        {hint ? <span className="block text-sm text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-xl p-4 ring-1 ring-slate-200 ring-inset sm:p-5">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        {description ? <p className="mt-0.5 text-sm text-slate-500">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

function newResponseId() {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `r${Date.now()}`;
}

export function RepliesStep({ definition, update, errors, users, aiEnabled }: StepProps & { users: WizardUser[]; aiEnabled: boolean }) {
  const t = useTranslations("automations.wizard");
  const errorText = useErrorText();
  const responses = definition.keywordResponses;
  const isReminder = definition.type === "appointment_reminder";
  const setResponses = (keywordResponses: KeywordResponse[]) => update({ keywordResponses });
  const change = (index: number, changes: Partial<KeywordResponse>) => setResponses(responses.map((response, i) => (i === index ? { ...response, ...changes } : response)));
  const move = (index: number, by: number) => {
    const next = [...responses];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setResponses(next);
  };
  const userOptions = (empty: string) => (
    <>
      <option value="">{empty}</option>
      {users.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </>
  );

  return (
    <div className="space-y-5">
      <Section title={t("keywordResponses")} description={t("keywordResponsesHint")}>
        {responses.length === 0 ? <p className="text-sm text-slate-500">{t("noKeywordResponses")}</p> : null}
        <ol className="space-y-4">
          {responses.map((response, index) => {
            const keywordError = errors[`keywordResponses.${index}.keywords`];
            return (
              <li key={response.id} className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset sm:p-4" data-testid="keyword-response">
                <div className="flex items-center gap-2">
                  <span className="flex h-6 w-6 items-center justify-center rounded-full bg-white text-xs font-semibold text-slate-600 ring-1 ring-slate-200" aria-hidden>
                    {index + 1}
                  </span>
                  <span className="flex-1 text-sm font-medium text-slate-700">{t("responseNumber", { number: index + 1 })}</span>
                  <Button variant="ghost" size="icon" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t("moveUp")}>
                    <ArrowUp className="h-4 w-4" aria-hidden />
                  </Button>
                  <Button variant="ghost" size="icon" onClick={() => move(index, 1)} disabled={index === responses.length - 1} aria-label={t("moveDown")}>
                    <ArrowDown className="h-4 w-4" aria-hidden />
                  </Button>
                  <Button variant="ghost" size="icon" onClick={() => setResponses(responses.filter((_, i) => i !== index))} aria-label={t("removeResponse")}>
                    <Trash2 className="h-4 w-4" aria-hidden />
                  </Button>
                </div>
                <div className="space-y-1.5">
                  <label htmlFor={`keywords-${response.id}`} className="block text-sm font-medium text-slate-700">
                    {t("keywords")}
                  </label>
                  <KeywordInput
                    id={`keywords-${response.id}`}
                    value={response.keywords}
                    onChange={(keywords) => change(index, { keywords })}
                    invalid={Boolean(keywordError)}
                    suggestions={SUGGESTIONS_BY_ACTION[response.action ?? ""] ?? KEYWORD_SUGGESTIONS}
                  />
                  {keywordError ? (
                    <p role="alert" className="text-sm text-red-600">
                      {errorText(keywordError)}
                    </p>
                  ) : null}
                </div>
                <div className="grid gap-3 sm:grid-cols-2">
                  {isReminder ? (
                    <Field label={t("replyAction")} htmlFor={`action-${response.id}`}>
                      <Select id={`action-${response.id}`} value={response.action ?? ""} onChange={(event) => change(index, { action: (event.target.value || null) as KeywordResponse["action"] })}>
                        <option value="">{t("actions.none")}</option>
                        {REPLY_ACTIONS.map((action) => (
                          <option key={action} value={action}>
                            {t(`actions.${action}`)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  ) : null}
                  <Field label={t("assignReplies")} htmlFor={`assign-${response.id}`}>
                    <Select id={`assign-${response.id}`} value={response.assignToUserId ?? ""} onChange={(event) => change(index, { assignToUserId: event.target.value || null })}>
                      {userOptions(t("assignFallbackUser"))}
                    </Select>
                  </Field>
                </div>
                <Field label={t("autoReply")} htmlFor={`reply-${response.id}`} hint={t("autoReplyHint")} error={errorText(errors[`keywordResponses.${index}.reply`])}>
                  <Textarea id={`reply-${response.id}`} rows={3} value={response.reply ?? ""} onChange={(event) => change(index, { reply: event.target.value })} />
                </Field>
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" onClick={() => setResponses([...responses, { id: newResponseId(), keywords: [], reply: "", assignToUserId: null, action: null }])} icon={<Plus className="h-4 w-4" aria-hidden />} data-testid="add-keyword-response">
          {t("addKeywordResponse")}
        </Button>
        <p className="text-xs text-slate-500">{t("stopWins")}</p>
      </Section>

      <Section title={t("emotion")} description={t("emotionHint")}>
        <Toggle id="sentiment-enabled" checked={definition.sentimentEnabled} onChange={(sentimentEnabled) => update({ sentimentEnabled })} title={t("emotionEnable")} hint={aiEnabled ? t("emotionWithAi") : t("emotionOffline")} testId="sentiment-enabled" />
        {definition.sentimentEnabled ? (
          <div className="space-y-4 pl-7">
            <div className="flex flex-wrap items-center gap-3">
              <Toggle id="sentiment-scale" checked={definition.sentimentScale !== null} onChange={(on) => update({ sentimentScale: on ? 10 : null })} title={t("scaleEnable")} hint={t("scaleHint")} />
              {definition.sentimentScale !== null ? (
                <span className="flex items-center gap-2 text-sm text-slate-600">
                  <label htmlFor="sentiment-scale-max">{t("scaleOutOf")}</label>
                  <Input
                    id="sentiment-scale-max"
                    type="number"
                    min={2}
                    max={100}
                    className="max-w-20"
                    value={definition.sentimentScale}
                    onChange={(event) => update({ sentimentScale: Number(event.target.value) || 0 })}
                    aria-invalid={Boolean(errors.sentimentScale)}
                  />
                </span>
              ) : null}
            </div>
            {errors.sentimentScale ? <p className="text-sm text-red-600">{errorText(errors.sentimentScale)}</p> : null}
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("negativeNotify")}</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {users.map((user) => (
                  <label key={user.id} className="flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                      checked={definition.negativeNotifyUserIds.includes(user.id)}
                      onChange={(event) =>
                        update({
                          negativeNotifyUserIds: event.target.checked ? [...definition.negativeNotifyUserIds, user.id] : definition.negativeNotifyUserIds.filter((id) => id !== user.id),
                        })
                      }
                    />
                    {user.name}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
      </Section>

      <Section title={t("fallback")} description={t("fallbackHint")}>
        <Field label={t("fallbackUser")} htmlFor="fallback-user" error={errorText(errors.fallbackUserId)}>
          <Select id="fallback-user" value={definition.fallbackUserId ?? ""} onChange={(event) => update({ fallbackUserId: event.target.value || null })} className="sm:max-w-sm">
            {userOptions(t("fallbackUserNone"))}
          </Select>
        </Field>
        <Toggle id="fallback-reply-enabled" checked={definition.fallbackReply !== null} onChange={(on) => update({ fallbackReply: on ? t("defaults.fallbackReply") : null })} title={t("fallbackReplyEnable")} hint={t("fallbackReplyHint")} />
        {definition.fallbackReply !== null ? (
          <Field label={t("fallbackReply")} htmlFor="fallback-reply" error={errorText(errors.fallbackReply)} className="pl-7">
            <Textarea id="fallback-reply" rows={2} value={definition.fallbackReply} onChange={(event) => update({ fallbackReply: event.target.value })} />
          </Field>
        ) : null}
      </Section>

      <Section title={t("aiTitle")}>
        <Toggle
          id="ai-replies"
          checked={definition.aiReplies && aiEnabled}
          disabled={!aiEnabled}
          onChange={(aiReplies) => update({ aiReplies })}
          title={
            <span className="inline-flex items-center gap-1.5">
              <Sparkles className="h-4 w-4 text-brand-600" aria-hidden />
              {t("aiEnable")}
            </span>
          }
          hint={aiEnabled ? t("aiHint") : t("aiUnavailable")}
        />
      </Section>
    </div>
  );
}
