import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { can, type MemberPermissions, type Permission, type Role } from "@/lib/auth/permissions";
import { SafeError } from "./errors";
import type { ActionError, ActionResult } from "./result";

export type { ActionError, ActionResult } from "./result";

/** Who is acting: always taken from the session, never from the input. */
export type ActionContext = { db: Db; companyId: string; userId: string; role: Role; permissions?: MemberPermissions };
/** A public action (sign-in, review form) knows no user. */
export type PublicContext = { db: Db };

type Input<S extends z.ZodType> = z.input<S> | FormData;

/**
 * A server action: called from a client component with its typed input; `run` is the
 * same action with an explicit context (tests, other domains acting for a user).
 */
export type ServerAction<S extends z.ZodType, Output, Context> = ((input: Input<S>) => Promise<ActionResult<Output>>) & {
  run: (context: Context, raw: unknown) => Promise<ActionResult<Output>>;
};

type Options<S extends z.ZodType, O extends z.ZodType> = {
  input: S;
  /** What the client receives: anything the handler returns beyond it is dropped. */
  output: O;
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

function invalidInput(error: z.ZodError): ActionError {
  return { ok: false, error: "errors.invalidInput", fieldErrors: fieldErrorsOf(error) };
}

async function guarded<O extends z.ZodType>(output: O, work: () => Promise<z.input<O>>): Promise<ActionResult<z.output<O>>> {
  try {
    return { ok: true, data: output.parse(await work()) };
  } catch (error) {
    if (error instanceof SafeError) return { ok: false, error: error.message, values: error.values };
    console.error("[action] failed", error);
    return { ok: false, error: "errors.unexpected" };
  }
}

/**
 * Validate → authorise → run: the one shape of every signed-in server action. The
 * handler gets the company from the session, never from the input; `permission`
 * names what the user's role must allow (lib/auth/permissions.ts).
 */
export function defineAction<S extends z.ZodType, O extends z.ZodType>(
  options: Options<S, O> & { permission?: Permission },
  handler: (input: z.output<S>, context: ActionContext) => Promise<z.input<O>>,
): ServerAction<S, z.output<O>, ActionContext> {
  async function run(context: ActionContext, raw: unknown): Promise<ActionResult<z.output<O>>> {
    const parsed = options.input.safeParse(toPlainInput(raw));
    if (!parsed.success) return invalidInput(parsed.error);
    if (options.permission && !can(context, options.permission)) return { ok: false, error: "errors.forbidden" };
    return guarded(options.output, () => handler(parsed.data, context));
  }
  const action = async (input: Input<S>) => {
    // Loaded on call so that tests and scripts importing actions never load next-auth.
    const { getSessionContext } = await import("@/lib/auth/session");
    const session = await getSessionContext();
    if (!session) return { ok: false, error: "errors.signInRequired" } satisfies ActionError;
    const { db, companyId, userId, role, permissions } = session;
    return run({ db, companyId, userId, role, permissions }, input);
  };
  return Object.assign(action, { run });
}

/** A server action anyone may call (sign-in, password reset, the public review form). */
export function definePublicAction<S extends z.ZodType, O extends z.ZodType>(
  options: Options<S, O>,
  handler: (input: z.output<S>, context: PublicContext) => Promise<z.input<O>>,
): ServerAction<S, z.output<O>, PublicContext> {
  async function run(context: PublicContext, raw: unknown): Promise<ActionResult<z.output<O>>> {
    const parsed = options.input.safeParse(toPlainInput(raw));
    if (!parsed.success) return invalidInput(parsed.error);
    return guarded(options.output, () => handler(parsed.data, context));
  }
  const action = async (input: Input<S>) => {
    const { getDb } = await import("@/db/client");
    return run({ db: await getDb() }, input);
  };
  return Object.assign(action, { run });
}
