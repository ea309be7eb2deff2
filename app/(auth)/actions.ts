"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { fieldErrorsOf, type ActionResult } from "@/lib/actions/action";
import { SafeError } from "@/lib/actions/errors";
import { signIn } from "@/lib/auth";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import {
  forgotPasswordSchema,
  resetPasswordSchema,
  safeCallbackUrl,
  signInSchema,
} from "@/lib/auth/validation";
import { defaultMailer } from "@/lib/email/mailer";
import { env } from "@/lib/env";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

type FormState = ActionResult<null> | null;

export async function setPublicLanguage(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, error: "auth.invalidCredentials", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
    return null;
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { ok: false, error: code === "throttled" ? "auth.throttled" : "auth.invalidCredentials" };
    }
    throw error; // the success redirect
  }
}

export async function forgotPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, error: "errors.invalidInput", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  await requestPasswordReset(await getDb(), parsed.data.email, {
    mailer: defaultMailer(),
    appUrl: env().APP_URL,
  });
  return { ok: true, data: null };
}

export async function resetPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, error: "errors.invalidInput", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    await resetPassword(await getDb(), parsed.data);
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof SafeError) return { ok: false, error: error.message };
    throw error;
  }
}
