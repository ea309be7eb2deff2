"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { useErrorText } from "./use-error-text";

/**
 * Runs a server action from a form: pending state, the error in the user's language,
 * and each field's first validation message. `onSuccess` runs only when it worked.
 */
export function useAction() {
  const errorText = useErrorText();
  const [failure, setFailure] = useState<Extract<ActionResult<unknown>, { ok: false }> | null>(null);
  const [pending, startTransition] = useTransition();
  function run<T>(call: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
    startTransition(async () => {
      const result = await call();
      if (!result.ok) return setFailure(result);
      setFailure(null);
      onSuccess?.(result.data);
    });
  }
  const fieldError = (name: string) => errorText(failure?.fieldErrors?.[name]?.[0]);
  const fieldNames = new Set(Object.keys(failure?.fieldErrors ?? {}));
  return {
    run,
    pending,
    /** The message to show above the form, unless a field already shows it. */
    error: failure && fieldNames.size === 0 ? errorText(failure.error, failure.values) : undefined,
    fieldError,
    reset: () => setFailure(null),
  };
}

/** useAction for a form in a dialog: closing the dialog forgets the last error. */
export function useDialogAction() {
  const action = useAction();
  const [open, setOpen] = useState(false);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) action.reset();
  };
  return { ...action, open, setOpen, onOpenChange };
}
