"use server";

import { getDb } from "@/db/client";
import { fieldErrorsOf } from "@/lib/actions/action";
import { env } from "@/lib/env";
import { simulatorTextSchema, textAsCustomer } from "@/lib/messaging/simulator";
import { ownOrigin } from "./origin";

export async function textAsCustomerAction(input: unknown) {
  if (!env().devTools) return { ok: false as const, error: "errors.forbidden" };
  const parsed = simulatorTextSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, error: "errors.invalidInput", fieldErrors: fieldErrorsOf(parsed.error) };
  return textAsCustomer(await getDb(), parsed.data, {
    webhookUrl: `${await ownOrigin()}/api/webhooks/vonage/inbound`,
    secret: env().vonageSignatureSecret,
  });
}
