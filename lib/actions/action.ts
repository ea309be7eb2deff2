import { z } from "zod";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { SafeError } from "./errors";

export type ActionContext = { db: Db; companyId: string; userId: string; role: Role };

export type ActionError = {
  ok: false;
  error: string;
  values?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionError;

export type Action<Input, Output> = {
  run: (context: ActionContext, raw: unknown) => Promise<ActionResult<Output>>;
  schema: z.ZodType<Input>;
};

function toPlainInput(raw: unknown): unknown {
  if (typeof FormData !== "undefined" && raw instanceof FormData) {
    const entries: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
    for (const key of new Set(raw.keys())) {
      if (key.startsWith("$ACTION")) continue;
      const values = raw.getAll(key);
      entries[key] = values.length > 1 ? values : values[0]!;
    }
    return entries;
  }
  return raw;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Validate → authorise → run: the one shape of every server action. The handler gets
 * the company from the session context, never from the input.
 */
export function defineAction<S extends z.ZodType, Output>(
  options: { input: S; roles?: Role[] },
  handler: (input: z.output<S>, context: ActionContext) => Promise<Output>,
): Action<z.output<S>, Output> {
  return {
    schema: options.input as unknown as z.ZodType<z.output<S>>,
    async run(context, raw) {
      const parsed = options.input.safeParse(toPlainInput(raw));
      if (!parsed.success) {
        return { ok: false, error: "errors.invalidInput", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      if (options.roles && !options.roles.includes(context.role)) {
        return { ok: false, error: "errors.forbidden" };
      }
      try {
        return { ok: true, data: await handler(parsed.data, context) };
      } catch (error) {
        if (error instanceof SafeError) {
          return { ok: false, error: error.message, values: error.values };
        }
        console.error("[action] failed", error);
        return { ok: false, error: "errors.unexpected" };
      }
    },
  };
}
