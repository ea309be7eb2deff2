"use client";

import { Loader2, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { RuleBuilder, ruleErrors } from "@/components/audience/rule-builder";
import { useAudienceCount } from "@/components/audience/use-audience-count";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-action";
import type { AudienceRules } from "@/db/schema";
import type { AudienceCatalogue } from "@/lib/automations/rules/catalogue";
import type { audienceRulesSchema } from "@/lib/automations/rules/schema";
import { countGroupAudience, createGroup, updateGroup } from "@/lib/groups/actions";

type Kind = "dynamic" | "static";
type Initial = { id?: string; name: string; description: string | null; kind: Kind; rules: AudienceRules };
/** The stored rule types name operators as strings; the actions' input narrows them (the server re-checks). */
type RulesInput = z.input<typeof audienceRulesSchema>;

/** The live count under the rules, debounced; only complete rules are counted. */
function LiveCount({ rules, groupId }: { rules: AudienceRules; groupId?: string }) {
  const t = useTranslations("groups");
  const valid = Object.keys(ruleErrors(rules)).length === 0;
  const { count, error, counting } = useAudienceCount(rules, valid, (input) => countGroupAudience({ groupId, rules: input }), groupId);
  return (
    <div className="flex items-center gap-3 rounded-xl bg-brand-50 px-4 py-3 ring-1 ring-brand-200 ring-inset" aria-live="polite" data-testid="group-live-count">
      <Users className="h-5 w-5 text-brand-700" aria-hidden />
      <p className="flex-1 text-sm text-brand-900">
        {!valid ? t("countIncomplete") : error ? error : count === null ? t("counting") : <span data-testid="group-live-count-value" data-count={count}>{t("liveCount", { count })}</span>}
      </p>
      {counting && valid ? <Loader2 className="h-4 w-4 animate-spin text-brand-700" aria-label={t("counting")} /> : null}
    </div>
  );
}

/** New group or editing one: name, description, and for a dynamic group the automation wizard's rule builder. */
export function GroupForm({ initial, catalogue }: { initial: Initial; catalogue: AudienceCatalogue }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const { run, pending, error, fieldError } = useAction();
  const [kind, setKind] = useState<Kind>(initial.kind);
  const [rules, setRules] = useState<AudienceRules>(initial.rules);
  const [showRuleErrors, setShowRuleErrors] = useState(false);
  const editing = Boolean(initial.id);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "");
    const description = String(data.get("description") ?? "");
    if (kind === "dynamic" && Object.keys(ruleErrors(rules)).length > 0) return setShowRuleErrors(true);
    const input = rules as RulesInput;
    run(
      () =>
        initial.id
          ? updateGroup({ groupId: initial.id, name, description, ...(kind === "dynamic" ? { rules: input } : {}) })
          : kind === "dynamic"
            ? createGroup({ kind, name, description, rules: input })
            : createGroup({ kind, name, description }),
      ({ id }) => {
        router.push(`/customers/groups/${id}`);
        router.refresh();
      },
    );
  };

  return (
    <form onSubmit={submit} className="space-y-5" data-testid="group-form">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Card className="space-y-4 p-4 sm:p-5">
        <Field label={t("name")} htmlFor="group-name" error={fieldError("name")}>
          <Input id="group-name" name="name" defaultValue={initial.name} maxLength={80} autoComplete="off" required autoFocus={!editing} />
        </Field>
        <Field label={t("descriptionLabel")} htmlFor="group-description" error={fieldError("description")}>
          <Textarea id="group-description" name="description" defaultValue={initial.description ?? ""} maxLength={300} rows={2} />
        </Field>
        {editing ? null : (
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="sr-only">{t("kind.dynamic")}</legend>
            {(["dynamic", "static"] as const).map((option) => (
              <label
                key={option}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-xl p-3 ring-1 ring-inset",
                  kind === option ? "bg-brand-50 ring-brand-300" : "bg-white ring-slate-200 hover:bg-slate-50",
                )}
              >
                <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} className="mt-1 accent-brand-600" data-testid={`group-kind-${option}`} />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{t(`kind.${option}`)}</span>
                  <span className="block text-sm text-slate-500">{t(`kindHint.${option}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </Card>
      {kind === "dynamic" ? (
        <section className="space-y-3" aria-labelledby="group-rules-title">
          <h2 id="group-rules-title" className="text-sm font-semibold text-slate-900">
            {t("rules")}
          </h2>
          <RuleBuilder rules={rules} onChange={setRules} catalogue={catalogue} errors={showRuleErrors ? ruleErrors(rules) : {}} />
          <LiveCount rules={rules} groupId={initial.id} />
        </section>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" type="button" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
        <Button type="submit" pending={pending} data-testid="save-group">
          {editing ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
