"use client";

import { useEffect, useState } from "react";
import type { z } from "zod";
import { useErrorText } from "@/components/ui/use-error-text";
import type { ActionResult } from "@/lib/actions/result";
import type { AudienceRules } from "@/lib/automations/types";
import { countAutomationAudience } from "@/lib/automations/actions";
import type { audienceRulesSchema } from "@/lib/automations/rules/schema";
import type { TRIGGER_SCOPES } from "@/lib/automations/validation";

/** The stored rule types name operators as strings; the actions' schemas re-check them. */
export type AudienceRulesInput = z.input<typeof audienceRulesSchema>;
type Counter = (rules: AudienceRulesInput) => Promise<ActionResult<{ count: number }>>;

/** Counts through the automation action: the wizard's audience (campaigns and groups pass their own). */
export const countForScope = (triggerScope: (typeof TRIGGER_SCOPES)[number]): Counter => (rules) => countAutomationAudience({ rules, triggerScope });

/**
 * The live count of customers the rules match, debounced as they change; only complete
 * rules (`valid`) are counted. `countKey` names what else the count depends on (a trigger
 * scope, the group being edited). Shared by the automation wizard, campaigns and groups.
 */
export function useAudienceCount(rules: AudienceRules, valid: boolean, count: Counter, countKey = "") {
  const errorText = useErrorText();
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [counting, setCounting] = useState(false);
  const rulesKey = JSON.stringify(rules);
  useEffect(() => {
    if (!valid) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      setCounting(true);
      const result = await count(rules as AudienceRulesInput).catch(() => null);
      if (cancelled) return;
      setCounting(false);
      if (result?.ok) {
        setTotal(result.data.count);
        setError(undefined);
      } else setError(errorText(result?.error ?? "errors.unexpected"));
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rulesKey, countKey, valid]);
  return { count: total, error, counting };
}
