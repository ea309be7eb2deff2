import { z } from "zod";
import { passwordSchema } from "./password";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "auth.emailInvalid" }),
  password: z.string().min(1, { message: "auth.passwordRequired" }).max(200),
  callbackUrl: z.string().optional(),
});

export const forgotPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "auth.emailInvalid" }),
});

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: passwordSchema,
    confirmation: z.string(),
  })
  .refine((value) => value.password === value.confirmation, {
    message: "password.mismatch",
    path: ["confirmation"],
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "auth.passwordRequired" }),
    password: passwordSchema,
    confirmation: z.string(),
  })
  .refine((value) => value.password === value.confirmation, {
    message: "password.mismatch",
    path: ["confirmation"],
  });

/** Only same-site paths are followed after sign-in. */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value) return "/conversations";
  try {
    const url = new URL(value, "http://parley.local");
    if (url.origin !== "http://parley.local" || url.pathname.startsWith("/sign-in")) return "/conversations";
    return url.pathname + url.search;
  } catch {
    return "/conversations";
  }
}
