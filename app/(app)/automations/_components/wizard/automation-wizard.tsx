"use client";

import { AlertCircle, ArrowLeft, ArrowRight, Check, Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { useErrorText } from "@/components/ui/use-error-text";
import { activateAutomation, createAutomation, saveAutomationDraft, updateAutomation } from "@/lib/automations/actions";
import type { AutomationDefinition } from "@/lib/automations/types";
import { STEP_SCHEMAS, WIZARD_STEPS, stepOfIssuePath, type WizardStep } from "@/lib/automations/validation";
import { CustomersStep } from "./customers-step";
import { MessageStep } from "./message-step";
import { NameStep, typeDefaults } from "./name-step";
import { RepliesStep } from "./replies-step";
import { ReviewStep } from "./review-step";
import { ScheduleStep } from "./schedule-step";
import { asInput, type WizardErrors, type WizardProps } from "./types";

const LOCAL_DRAFT_KEY = "parley.automationDraft";

function errorsOf(fieldErrors: Record<string, string[]> | undefined): WizardErrors {
  const errors: WizardErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) errors[path.replace(/^definition\./, "")] ??= messages[0] ?? "";
  return errors;
}

function stepErrors(step: WizardStep, definition: AutomationDefinition): WizardErrors {
  if (step === "review") return {};
  const result = STEP_SCHEMAS[step].safeParse(definition);
  if (result.success) return {};
  const errors: WizardErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

/**
 * The six-step automation wizard (AUTO-2…AUTO-7): every step reachable again from the
 * stepper, the unsaved work kept in this browser (new automations) or as a draft row.
 */
export function AutomationWizard(props: WizardProps) {
  const { automationId, status, initial } = props;
  const t = useTranslations("automations.wizard");
  const errorText = useErrorText();
  const router = useRouter();
  // A new reminder (?type=appointment_reminder) starts with its OUI / NON / reschedule responses and tomorrow's appointments.
  const [definition, setDefinition] = useState<AutomationDefinition>(() =>
    !automationId && initial.type !== "general" ? { ...initial, ...typeDefaults(initial.type, initial, t) } : initial,
  );
  const [step, setStep] = useState<WizardStep>("name");
  const [errors, setErrors] = useState<WizardErrors>({});
  const [failure, setFailure] = useState<string>();
  const [savedId, setSavedId] = useState<string | undefined>(automationId);
  const [savedNotice, setSavedNotice] = useState(false);
  const [restorable, setRestorable] = useState<AutomationDefinition | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const isNew = !automationId;
  const isDraft = !status || status === "draft";

  // A new automation's unsaved work survives a reload in this browser.
  useEffect(() => {
    if (!isNew) return;
    // Read after hydration: the server has no localStorage.
    const timer = setTimeout(() => {
      try {
        const stored = localStorage.getItem(LOCAL_DRAFT_KEY);
        if (stored) setRestorable(JSON.parse(stored) as AutomationDefinition);
      } catch {
        localStorage.removeItem(LOCAL_DRAFT_KEY);
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [isNew]);
  const touched = useRef(false);
  useEffect(() => {
    if (!isNew || !touched.current || savedId) return;
    const timer = setTimeout(() => localStorage.setItem(LOCAL_DRAFT_KEY, JSON.stringify(definition)), 300);
    return () => clearTimeout(timer);
  }, [definition, isNew, savedId]);

  const update = (changes: Partial<AutomationDefinition>) => {
    touched.current = true;
    setRestorable(null);
    setSavedNotice(false);
    setDefinition((current) => ({ ...current, ...changes }));
  };

  const index = WIZARD_STEPS.indexOf(step);
  const go = (next: WizardStep) => {
    setStep(next);
    setFailure(undefined);
    requestAnimationFrame(() => {
      heading.current?.focus({ preventScroll: true });
      heading.current?.scrollIntoView({ block: "nearest" });
      // On a phone the stepper scrolls sideways: keep the current step in view.
      document.querySelector(`[data-testid=wizard-step-${next}]`)?.scrollIntoView({ inline: "center", block: "nearest" });
    });
  };
  const next = () => {
    const found = stepErrors(step, definition);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    go(WIZARD_STEPS[index + 1] ?? "review");
  };
  const invalidSteps = new Set(Object.keys(errors).map(stepOfIssuePath));

  const fail = (result: { error: string; values?: Record<string, string | number>; fieldErrors?: Record<string, string[]> }) => {
    const found = errorsOf(result.fieldErrors);
    setErrors(found);
    const first = WIZARD_STEPS.find((candidate) => Object.keys(found).some((path) => stepOfIssuePath(path) === candidate));
    if (first) {
      go(first);
      setFailure(t("fixStep"));
    } else {
      setFailure(errorText(result.error, result.values));
      if (result.error.startsWith("templates.")) go("message");
      if (result.error.startsWith("automations.errors.rule")) go("customers");
    }
  };

  const saveDraft = () =>
    startTransition(async () => {
      const result = await saveAutomationDraft({ id: savedId, definition: asInput(definition) });
      if (!result.ok) return fail(result);
      setSavedId(result.data.id);
      setErrors({});
      setFailure(undefined);
      setSavedNotice(true);
      localStorage.removeItem(LOCAL_DRAFT_KEY);
    });

  const finish = (activate: boolean) =>
    startTransition(async () => {
      setConfirming(false);
      const saved = savedId ? await updateAutomation({ id: savedId, definition: asInput(definition) }) : await createAutomation({ definition: asInput(definition), activate });
      if (!saved.ok) return fail(saved);
      if (activate && saved.data.status !== "active") {
        const activated = await activateAutomation({ id: saved.data.id });
        if (!activated.ok) return fail(activated);
      }
      localStorage.removeItem(LOCAL_DRAFT_KEY);
      router.push(`/automations?saved=${saved.data.id}#automation-${saved.data.id}`);
      router.refresh();
    });

  const stepProps = { definition, update, errors };

  return (
    <div className="space-y-4">
      {restorable ? (
        <Alert tone="info">
          <span className="flex flex-wrap items-center gap-3">
            <span className="flex-1">{t("restoreQuestion", { name: restorable.name || t("untitled") })}</span>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setDefinition(restorable);
                setRestorable(null);
                touched.current = true;
              }}
            >
              {t("restore")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                localStorage.removeItem(LOCAL_DRAFT_KEY);
                setRestorable(null);
              }}
            >
              {t("discard")}
            </Button>
          </span>
        </Alert>
      ) : null}

      <nav aria-label={t("stepsLabel")} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ol className="flex min-w-max gap-1.5 sm:grid sm:min-w-0 sm:grid-cols-6">
          {WIZARD_STEPS.map((candidate, position) => {
            const current = candidate === step;
            const invalid = invalidSteps.has(candidate);
            const done = position < index && !invalid;
            return (
              <li key={candidate}>
                <button
                  type="button"
                  onClick={() => go(candidate)}
                  aria-current={current ? "step" : undefined}
                  data-testid={`wizard-step-${candidate}`}
                  className={cn(
                    "flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm ring-1 transition-colors ring-inset focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
                    current ? "bg-brand-50 font-semibold text-brand-800 ring-brand-300" : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50",
                    invalid && "ring-red-300",
                  )}
                >
                  <span
                    className={cn(
                      "flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                      invalid ? "bg-red-100 text-red-700" : done ? "bg-emerald-100 text-emerald-700" : current ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-500",
                    )}
                    aria-hidden
                  >
                    {invalid ? <AlertCircle className="h-3.5 w-3.5" /> : done ? <Check className="h-3.5 w-3.5" /> : position + 1}
                  </span>
                  <span className="min-w-0 leading-tight">{t(`steps.${candidate}`)}</span>
                  {invalid ? <span className="sr-only">{t("stepHasErrors")}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <Card>
        <div className="border-b border-slate-100 px-5 py-4 sm:px-6">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("stepOf", { step: index + 1, total: WIZARD_STEPS.length })}</p>
          <h2 ref={heading} tabIndex={-1} className="mt-0.5 text-lg font-semibold text-slate-900 focus:outline-none">
            {t(`steps.${step}`)}
          </h2>
          <p className="mt-1 text-sm text-slate-500">{t(`stepHints.${step}`)}</p>
        </div>
        <div className="space-y-5 px-5 py-5 sm:px-6">
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          {savedNotice ? <Alert tone="success">{t("draftSaved")}</Alert> : null}
          {!isNew && !isDraft ? <Alert tone="info">{t("editAppliesToFuture")}</Alert> : null}
          {step === "name" ? <NameStep {...stepProps} /> : null}
          {step === "message" ? <MessageStep {...stepProps} attributes={props.attributes} canEditSavedReplies={props.canEditSavedReplies} /> : null}
          {step === "replies" ? <RepliesStep {...stepProps} users={props.users} aiEnabled={props.aiEnabled} /> : null}
          {step === "customers" ? <CustomersStep {...stepProps} catalogue={props.catalogue} automationId={savedId} /> : null}
          {step === "schedule" ? <ScheduleStep {...stepProps} timeZone={props.timeZone} /> : null}
          {step === "review" ? <ReviewStep definition={definition} users={props.users} catalogue={props.catalogue} timeZone={props.timeZone} onEdit={go} invalidSteps={invalidSteps} /> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-5 py-4 sm:px-6">
          {index > 0 ? (
            <Button variant="secondary" onClick={() => go(WIZARD_STEPS[index - 1]!)} icon={<ArrowLeft className="h-4 w-4" aria-hidden />}>
              {t("back")}
            </Button>
          ) : null}
          {isDraft ? (
            <Button variant="ghost" onClick={saveDraft} pending={pending} icon={<Save className="h-4 w-4" aria-hidden />} className="order-last w-full sm:order-none sm:w-auto" data-testid="wizard-save-draft">
              {t("saveDraft")}
            </Button>
          ) : null}
          <span className="flex-1" />
          {step !== "review" ? (
            <Button onClick={next} data-testid="wizard-next">
              {t("next")}
              <ArrowRight className="h-4 w-4" aria-hidden />
            </Button>
          ) : isDraft ? (
            <>
              <Button variant="secondary" onClick={() => finish(false)} pending={pending} data-testid="wizard-create-draft">
                {savedId ? t("saveAsDraft") : t("createAsDraft")}
              </Button>
              <Button onClick={() => setConfirming(true)} disabled={pending} data-testid="wizard-create-activate">
                {t("createAndActivate")}
              </Button>
            </>
          ) : (
            <Button onClick={() => finish(false)} pending={pending} data-testid="wizard-save">
              {t("saveChanges")}
            </Button>
          )}
        </div>
      </Card>

      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent
          title={t("activateTitle", { name: definition.name })}
          description={definition.schedule === "daily" ? t("activateDescriptionDaily", { time: definition.dailyAt, zone: props.timeZone }) : t("activateDescriptionRealtime", { minutes: definition.realtimeEveryMinutes })}
          closeLabel={t("cancel")}
        >
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </DialogClose>
            <Button onClick={() => finish(true)} pending={pending} data-testid="wizard-confirm-activate">
              {t("confirmActivate")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
