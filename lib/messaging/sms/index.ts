import { env } from "@/lib/env";
import { localSmsProvider } from "./local";
import type { SmsProvider } from "./provider";
import { vonageSmsProvider } from "./vonage";

let configured: SmsProvider | undefined;

/** Vonage when its keys are set, else the local channel. */
export function defaultSmsProvider(): SmsProvider {
  const config = env();
  configured ??=
    config.smsChannel === "vonage"
      ? vonageSmsProvider({
          applicationId: config.VONAGE_APPLICATION_ID,
          privateKey: config.VONAGE_PRIVATE_KEY,
          apiKey: config.VONAGE_API_KEY,
          apiSecret: config.VONAGE_API_SECRET,
          apiHost: config.VONAGE_API_HOST,
        })
      : localSmsProvider;
  return configured;
}
