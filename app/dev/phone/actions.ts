"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { fieldErrorsOf } from "@/lib/actions/action";
import { env } from "@/lib/env";
import { simulatorTextSchema, textAsCustomer } from "@/lib/messaging/simulator";

/** The same origin the browser used, so the simulator reaches this very server. */
async function ownOrigin() {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}

export async function textAsCustomerAction(input: unknown) {
  if (!env().devTools) return { ok: false as const, error: "errors.forbidden" };
  const parsed = simulatorTextSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, error: "errors.invalidInput", fieldErrors: fieldErrorsOf(parsed.error) };
  return textAsCustomer(await getDb(), parsed.data, {
    webhookUrl: `${await ownOrigin()}/api/webhooks/vonage/inbound`,
    secret: env().vonageSignatureSecret,
  });
}
