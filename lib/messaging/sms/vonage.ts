import { readFileSync } from "node:fs";
import { Auth } from "@vonage/auth";
import { SMS } from "@vonage/messages";
import { Vonage } from "@vonage/server-sdk";
import { carrierErrorCategory } from "../carrier-errors";
import { SmsSendError, type SmsProvider } from "./provider";

export type VonageCredentials = {
  applicationId?: string;
  privateKey?: string;
  apiKey?: string;
  apiSecret?: string;
  apiHost?: string;
};

/** VONAGE_PRIVATE_KEY holds the PEM itself or a path to it. */
export function readPrivateKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.includes("-----BEGIN") ? value.replace(/\\n/g, "\n") : readFileSync(value, "utf8");
}

const digits = (e164: string) => e164.replace(/^\+/, "");

/** Sends through the Vonage Messages API with our message id as `client_ref`. */
export function vonageSmsProvider(credentials: VonageCredentials): SmsProvider {
  const vonage = new Vonage(
    new Auth({
      applicationId: credentials.applicationId,
      privateKey: readPrivateKey(credentials.privateKey),
      apiKey: credentials.apiKey,
      apiSecret: credentials.apiSecret,
    }),
    credentials.apiHost ? { apiHost: credentials.apiHost } : {},
  );
  return {
    name: "vonage",
    async send(sms) {
      try {
        const { messageUUID } = await vonage.messages.send(
          new SMS({
            channel: "sms",
            messageType: "text",
            to: digits(sms.to),
            from: digits(sms.from),
            text: sms.text,
            clientRef: sms.clientRef,
          }),
        );
        return { providerMessageId: messageUUID };
      } catch (error) {
        const response = (error as { response?: { status: number; text(): Promise<string> } }).response;
        const data = await readErrorBody(response);
        const detail = [data.title, data.detail].filter(Boolean).join(": ") || (error as Error).message;
        const category = response?.status === 429 ? "throttled" : carrierErrorCategory(null, detail);
        throw new SmsSendError(category === "unknown" ? "provider_error" : category, detail);
      }
    },
  };
}

async function readErrorBody(response: { text(): Promise<string> } | undefined): Promise<{ title?: string; detail?: string }> {
  try {
    return response ? (JSON.parse(await response.text()) as { title?: string; detail?: string }) : {};
  } catch {
    return {};
  }
}
