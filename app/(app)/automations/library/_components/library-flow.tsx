"use client";

import {
  AlarmClock,
  ArrowLeft,
  ArrowRight,
  CalendarClock,
  Check,
  CreditCard,
  FileClock,
  Gauge,
  HandHeart,
  RotateCcw,
  Snowflake,
  Star,
  TriangleAlert,
  UserX,
  Users,
  Wrench,
  type LucideIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { PickerAttribute } from "@/components/composer/attribute-picker";
import { TemplateField } from "@/components/composer/template-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { countAutomationAudience } from "@/lib/automations/actions";
import { templateDefinition, type LibraryTemplate } from "@/lib/automations/library";
import { createAutomationFromTemplate } from "@/lib/automations/library-actions";
import type { AudienceCatalogue } from "@/lib/automations/rules/catalogue";
import type { AutomationDefinition } from "@/lib/automations/types";
import type { Locale } from "@/lib/i18n/locales";
import { RuleBuilder, ruleErrors } from "@/components/audience/rule-builder";
import { ScheduleStep } from "../../_components/wizard/schedule-step";

const ICONS: Record<LibraryTemplate["icon"], LucideIcon> = {
  "calendar-clock": CalendarClock,
  "alarm-clock": AlarmClock,
  "user-x": UserX,
  star: Star,
  "credit-card": CreditCard,
  gauge: Gauge,
  snowflake: Snowflake,
  wrench: Wrench,
  "file-clock": FileClock,
  "hand-heart": HandHeart,
  "rotate-ccw": RotateCcw,
};

type CreateInput = Extract<Parameters<typeof createAutomationFromTemplate>[0], { templateKey: string }>;
type CountInput = Extract<Parameters<typeof countAutomationAudience>[0], { triggerScope: string }>;

const STEPS = ["template", "message", "replies", "adjust"] as const;
type Step = (typeof STEPS)[number];

type Props = {
  templates: LibraryTemplate[];
  locale: Locale;
  users: { id: string; name: string }[];
  currentUserId: string;
  attributes: PickerAttribute[];
  /** Per template: the custom attributes it reads that the company has not defined. */
  missing: Record<string, string[]>;
  /** What the rules can test: built-in and this company's custom attributes. */
  catalogue: AudienceCatalogue;
  /** The company's zone, for the daily time. */
  timeZone: string;
};

export function LibraryFlow({ templates, locale, users, currentUserId, attributes, missing, catalogue, timeZone }: Props) {
  const t = useTranslations("automations.library");
  const router = useRouter();
  const [step, setStep] = useState<Step>("template");
  const [template, setTemplate] = useState<LibraryTemplate | null>(null);
  const [messageId, setMessageId] = useState<string | null>(null);
  const [repliesUserId, setRepliesUserId] = useState(currentUserId);
  const [definition, setDefinition] = useState<AutomationDefinition | null>(null);
  const [confirming, setConfirming] = useState(false);
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const reset = () => setError(null);

  const pickTemplate = (picked: LibraryTemplate) => {
    setTemplate(picked);
    setMessageId(picked.messages[0]!.id);
    setDefinition(null);
    setStep("message");
  };
  const toAdjust = () => {
    if (!template) return;
    setDefinition(templateDefinition(template, { locale, messageId, repliesUserId }));
    setStep("adjust");
  };
  const update = (changes: Partial<AutomationDefinition>) => setDefinition((current) => (current ? { ...current, ...changes } : current));
  const activate = () => {
    if (!template || !definition) return;
    startTransition(async () => {
      // The rule schema re-checks operators on the server; the definition's type names them as strings.
      const result = await createAutomationFromTemplate({ templateKey: template.key, definition: definition as CreateInput["definition"] });
      if (result.ok) return router.push(`/automations/${result.data.id}?created=1`);
      // A field the user adjusted may be refused (a rule value out of range…): say which problem.
      const fieldError = Object.values(result.fieldErrors ?? {})[0]?.[0];
      setError(errorText(fieldError ?? result.error, result.values) ?? null);
    });
  };
  const reached = (target: Step) => STEPS.indexOf(target) <= STEPS.indexOf(step);
  const canReach = (target: Step) => target === "template" || (template !== null && (target !== "adjust" || definition !== null));

  return (
    <div className="space-y-5">
      <nav aria-label={t("stepsLabel")}>
        <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
          {STEPS.map((target, index) => (
            <li key={target} className="flex items-center gap-2">
              {index > 0 ? <span className="hidden h-px w-8 bg-slate-300 sm:block" aria-hidden /> : null}
              <button
                type="button"
                disabled={!canReach(target)}
                onClick={() => (target === "adjust" && !definition ? toAdjust() : setStep(target))}
                aria-current={step === target ? "step" : undefined}
                data-testid={`library-step-${target}`}
                className={cn(
                  "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 font-medium disabled:cursor-not-allowed disabled:text-slate-400",
                  step === target ? "bg-brand-600 text-white" : reached(target) ? "bg-brand-50 text-brand-700 hover:bg-brand-100" : "text-slate-600 hover:bg-slate-100",
                )}
              >
                <span className={cn("flex h-5 w-5 items-center justify-center rounded-full text-xs", step === target ? "bg-white/20" : "bg-white ring-1 ring-slate-200")}>{index + 1}</span>
                {t(`steps.${target}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {step === "template" ? (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="library-templates">
          {templates.map((item) => {
            const Icon = ICONS[item.icon];
            const lacking = missing[item.key] ?? [];
            return (
              <li key={item.key}>
                <button
                  type="button"
                  onClick={() => pickTemplate(item)}
                  data-template={item.key}
                  className={cn(
                    "flex h-full w-full flex-col gap-3 rounded-xl bg-white p-4 text-left shadow-sm ring-1 ring-slate-200 transition hover:ring-brand-400 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
                    template?.key === item.key && "ring-2 ring-brand-500",
                  )}
                >
                  <span className="flex items-start gap-3">
                    <span className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
                      <Icon className="h-5 w-5" aria-hidden />
                    </span>
                    <span className="min-w-0">
                      <span className="block font-semibold text-slate-900">{item.name[locale]}</span>
                      <span className="mt-0.5 block text-xs text-slate-500">{t(`types.${item.type}`)}</span>
                    </span>
                  </span>
                  <span className="text-sm text-slate-600">{item.description[locale]}</span>
                  <span className="mt-auto flex flex-wrap gap-1.5">
                    <Badge tone="neutral">{item.schedule === "daily" ? t("dailyAt", { time: item.dailyAt }) : t("realtimeEvery", { minutes: item.realtimeEveryMinutes })}</Badge>
                    {item.marketing ? <Badge tone="orange">{t("marketing")}</Badge> : null}
                    {item.sentimentEnabled ? <Badge tone="brand">{item.sentimentScale ? t("scoreOutOf", { scale: item.sentimentScale }) : t("sentiment")}</Badge> : null}
                    {lacking.length > 0 ? (
                      <Badge tone="yellow" title={t("missingHint", { names: lacking.join(", ") })}>
                        {t("missingShort", { count: lacking.length })}
                      </Badge>
                    ) : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}

      {step === "message" && template ? (
        <Card className="p-4 sm:p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("pickMessage", { name: template.name[locale] })}</h2>
          <p className="mt-1 text-sm text-slate-500">{t("pickMessageHint")}</p>
          <fieldset className="mt-4 space-y-3">
            <legend className="sr-only">{t("steps.message")}</legend>
            {template.messages.map((message) => (
              <label
                key={message.id}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-xl p-4 ring-1 transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                  messageId === message.id ? "bg-brand-50/60 ring-brand-400" : "ring-slate-200 hover:ring-slate-300",
                )}
              >
                <input type="radio" name="library-message" value={message.id} checked={messageId === message.id} onChange={() => setMessageId(message.id)} className="mt-1 accent-brand-600" />
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-slate-900">{message.title[locale]}</span>
                  <span className="mt-1 block text-sm whitespace-pre-wrap text-slate-600">{message.body[locale]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <StepButtons onBack={() => setStep("template")} onNext={() => setStep("replies")} back={t("back")} next={t("next")} />
        </Card>
      ) : null}

      {step === "replies" && template ? (
        <Card className="p-4 sm:p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("repliesTitle")}</h2>
          <p className="mt-1 text-sm text-slate-500">{t(template.keywordResponses.length > 0 ? "repliesHint" : "repliesHintNone")}</p>
          <Field label={t("repliesUser")} htmlFor="library-replies-user" className="mt-4 max-w-md">
            <Select id="library-replies-user" value={repliesUserId} onChange={(event) => setRepliesUserId(event.target.value)}>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                  {user.id === currentUserId ? ` (${t("you")})` : ""}
                </option>
              ))}
            </Select>
          </Field>
          {template.keywordResponses.length > 0 ? (
            <div className="mt-5">
              <h3 className="text-sm font-medium text-slate-700">{t("keywordResponses")}</h3>
              <ul className="mt-2 space-y-2">
                {template.keywordResponses.map((response) => (
                  <li key={response.id} className="rounded-lg bg-slate-50 px-3 py-2 text-sm">
                    <span className="flex flex-wrap gap-1">
                      {response.keywords.map((keyword) => (
                        <Badge key={keyword} tone="brand">
                          {keyword}
                        </Badge>
                      ))}
                      {response.action ? <Badge tone="green">{t(`actions.${response.action}`)}</Badge> : null}
                    </span>
                    {response.reply ? <span className="mt-1.5 block text-slate-600">↳ {response.reply[locale]}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {template.sentimentEnabled ? <p className="mt-4 text-sm text-slate-600">{t("sentimentNote")}</p> : null}
          <StepButtons onBack={() => setStep("message")} onNext={toAdjust} back={t("back")} next={t("next")} />
        </Card>
      ) : null}

      {step === "adjust" && template && definition ? (
        <Card className="space-y-6 p-4 sm:p-6">
          <div>
            <h2 className="text-base font-semibold text-slate-900">{t("adjustTitle")}</h2>
            <p className="mt-1 text-sm text-slate-500">{t("adjustHint")}</p>
          </div>
          <Field label={t("name")} htmlFor="library-name" className="max-w-xl">
            <Input id="library-name" value={definition.name} maxLength={120} onChange={(event) => update({ name: event.target.value })} />
          </Field>
          <div className="space-y-1.5">
            <span className="block text-sm font-medium text-slate-700">{t("message")}</span>
            <TemplateField id="library-message-body" label={t("message")} placeholder={t("messagePlaceholder")} value={definition.messageBody} onChange={(messageBody) => update({ messageBody })} attributes={attributes} />
            {definition.marketing ? <p className="text-xs text-slate-500">{t("marketingHint")}</p> : null}
          </div>
          <RulesEditor rules={definition.rules} triggerScope={definition.triggerScope} onChange={(rules) => update({ rules })} catalogue={catalogue} missing={missing[template.key] ?? []} />
          <ScheduleStep definition={definition} update={update} errors={{}} timeZone={timeZone} />
          {error ? (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-between gap-2 border-t border-slate-100 pt-4">
            <Button variant="secondary" icon={<ArrowLeft className="h-4 w-4" aria-hidden />} onClick={() => setStep("replies")}>
              {t("back")}
            </Button>
            <Button
              data-testid="library-create"
              icon={<Check className="h-4 w-4" aria-hidden />}
              disabled={!definition.name.trim() || !definition.messageBody.trim()}
              onClick={() => {
                reset();
                setConfirming(true);
              }}
            >
              {t("create")}
            </Button>
          </div>
        </Card>
      ) : null}

      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent title={t("confirmTitle")} description={definition ? t("confirmDescription", { name: definition.name }) : undefined} closeLabel={t("cancel")}>
          {error ? <p className="mb-3 text-sm text-red-600">{error}</p> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t("notNow")}</Button>
            </DialogClose>
            <Button pending={pending} onClick={activate} data-testid="library-activate">
              {t("confirmActivate")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function StepButtons({ onBack, onNext, back, next }: { onBack: () => void; onNext: () => void; back: string; next: string }) {
  return (
    <div className="mt-6 flex justify-between gap-2 border-t border-slate-100 pt-4">
      <Button variant="secondary" icon={<ArrowLeft className="h-4 w-4" aria-hidden />} onClick={onBack}>
        {back}
      </Button>
      <Button onClick={onNext} data-testid="library-next">
        {next}
        <ArrowRight className="h-4 w-4" aria-hidden />
      </Button>
    </div>
  );
}

/**
 * The template's rules in the wizard's own rule builder (values, added or removed rules
 * and sub-rules), with a live count of who matches now once every rule is complete.
 */
function RulesEditor({
  rules,
  triggerScope,
  onChange,
  catalogue,
  missing,
}: {
  rules: AutomationDefinition["rules"];
  triggerScope: AutomationDefinition["triggerScope"];
  onChange: (rules: AutomationDefinition["rules"]) => void;
  catalogue: AudienceCatalogue;
  missing: string[];
}) {
  const t = useTranslations("automations.library");
  const [count, setCount] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const errors = ruleErrors(rules);
  const complete = Object.keys(errors).length === 0;
  const rulesKey = JSON.stringify(rules);
  useEffect(() => {
    if (!complete) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await countAutomationAudience({ rules: rules as CountInput["rules"], triggerScope });
      if (cancelled) return;
      setFailed(!result.ok);
      setCount(result.ok ? result.data.count : null);
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the serialised rules are the dependency
  }, [rulesKey, triggerScope, complete]);

  return (
    <section className="space-y-2" aria-labelledby="library-rules-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="library-rules-title" className="text-sm font-medium text-slate-700">
          {t("rules")}
        </h3>
        <span className="inline-flex items-center gap-1.5 text-sm text-slate-600" data-testid="library-count" aria-live="polite">
          <Users className="h-4 w-4 text-slate-400" aria-hidden />
          {count === null ? (failed ? t("countUnavailable") : t("counting")) : t("matching", { count })}
        </span>
      </div>
      {missing.length > 0 ? (
        <p className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          {t("missingHint", { names: missing.join(", ") })}
        </p>
      ) : null}
      <RuleBuilder rules={rules} onChange={onChange} catalogue={catalogue} errors={errors} />
    </section>
  );
}
