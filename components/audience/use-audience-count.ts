"use client";

import { useEffect, useState } from "react";
import type { z } from "zod";
import { useErrorText } from "@/components/ui/use-error-text";
import type { AudienceRules } from "@/lib/automations/types";
import { countAutomationAudience } from "@/lib/automations/actions";
import type { audienceRulesSchema } from "@/lib/automations/rules/schema";
import type { TRIGGER_SCOPES } from "@/lib/automations/validation";

/**
 * The live count of customers the rules match, debounced as they change; only complete
 * rules (`valid`) are counted. Shared by the automation wizard and the campaign form.
 */
export function useAudienceCount(rules: AudienceRules, triggerScope: (typeof TRIGGER_SCOPES)[number], valid: boolean) {
  const errorText = useErrorText();
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [counting, setCounting] = useState(false);
  const rulesKey = JSON.stringify(rules);
  useEffect(() => {
    if (!valid) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      setCounting(true);
      // The stored rule types name operators as strings; the action's schema re-checks them.
      const result = await countAutomationAudience({ rules: rules as z.input<typeof audienceRulesSchema>, triggerScope }).catch(() => null);
      if (cancelled) return;
      setCounting(false);
      if (result?.ok) {
        setCount(result.data.count);
        setError(undefined);
      } else setError(errorText(result?.error ?? "errors.unexpected"));
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rulesKey, triggerScope, valid]);
  return { count, error, counting };
}
