"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/action";
import { SafeError } from "@/lib/actions/errors";
import { getSessionContext } from "@/lib/auth/session";
import { defaultMailer } from "@/lib/email/mailer";
import { env } from "@/lib/env";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { signIn, signOut } from "./index";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { endUserSessions } from "./sessions";
import { forgotPasswordSchema, resetPasswordSchema, safeCallbackUrl, signInSchema } from "./validation";

/** The language of the public pages, before anyone is signed in. */
export async function setPublicLanguage(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
}

/** Any malformed input gets the same answer as wrong credentials. */
const signInForm = z.object({ email: z.string().default(""), password: z.string().default(""), callbackUrl: z.string().optional() });

/** Sets the session cookie and says where to go; the form navigates there. */
export const signInAction = definePublicAction(
  { input: signInForm, output: z.object({ redirectTo: z.string() }) },
  async (input) => {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) throw new SafeError("auth.invalidCredentials");
    const redirectTo = safeCallbackUrl(parsed.data.callbackUrl);
    try {
      await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false, redirectTo });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const code = (error as AuthError & { code?: string }).code;
      throw new SafeError(code === "throttled" ? "auth.throttled" : "auth.invalidCredentials");
    }
    return { redirectTo };
  },
);

export const forgotPasswordAction = definePublicAction(
  { input: forgotPasswordSchema, output: z.null() },
  async ({ email }, { db }) => {
    await requestPasswordReset(db, email, { mailer: defaultMailer(), appUrl: env().APP_URL });
    return null;
  },
);

export const resetPasswordAction = definePublicAction(
  { input: resetPasswordSchema, output: z.null() },
  async (input, { db }) => {
    await resetPassword(db, input);
    return null;
  },
);

/** Ends the session everywhere (a copied cookie stops working too), then shows sign-in. */
export async function signOutAction() {
  const session = await getSessionContext();
  if (session) await endUserSessions(session.db, { companyId: session.companyId, userId: session.userId });
  await signOut({ redirectTo: "/sign-in" });
}
