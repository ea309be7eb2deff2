import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { readLimitedBody, withBody } from "@/lib/http/body-limit";
import { parsePhone } from "@/lib/phone";
import { carrierErrorCategory } from "../carrier-errors";
import { acceptInboundSms, afterInboundAccepted } from "../inbound/accept";
import { acceptInboundSmsPart } from "../inbound/parts";
import type { StatusReport } from "../sms/provider";
import { applyStatusReport } from "../status";
import { verifyVonageWebhook } from "./vonage-signature";

/** Vonage sends numbers as digits without "+". */
const vonageNumber = z
  .string()
  .trim()
  .min(3)
  .transform((value, context) => {
    const parsed = parsePhone(value.startsWith("+") ? value : `+${value}`);
    if (parsed.ok) return parsed.e164;
    // Short codes and alphanumeric senders stay as they are.
    if (/^[0-9A-Za-z]{3,15}$/.test(value)) return value;
    context.addIssue({ code: "custom", message: "not a phone number" });
    return z.NEVER;
  });

/**
 * Provider ids: what an index entry can hold, without control characters (Postgres text
 * cannot store NUL). Such an id can never be stored, so it is a 400, not a retried 503.
 */
const providerId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]+$/, "control characters are not allowed");

/** Free text is stored sanitised: a NUL byte (which Postgres text cannot hold) is dropped. */
const smsText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.replaceAll("\u0000", ""));

const messagesInbound = z.object({
  channel: z.literal("sms"),
  message_uuid: providerId,
  to: vonageNumber,
  from: vonageNumber,
  text: smsText(10_000),
  timestamp: z.string().max(64).optional(),
});

const legacyInbound = z.object({
  msisdn: vonageNumber,
  to: vonageNumber,
  messageId: providerId,
  text: smsText(10_000).default(""),
  "message-timestamp": z.string().max(64).optional(),
  concat: z.enum(["true", "false"]).optional(),
  "concat-ref": providerId.max(64).optional(),
  "concat-total": z.coerce.number().int().min(1).max(20).optional(),
  "concat-part": z.coerce.number().int().min(1).max(20).optional(),
});

const messagesStatus = z.object({
  message_uuid: providerId,
  status: z.enum(["submitted", "delivered", "rejected", "undeliverable", "read"]),
  client_ref: z.string().max(200).optional(),
  timestamp: z.string().max(64).optional(),
  error: z
    .object({ type: smsText(500).optional(), title: z.union([smsText(200), z.number()]).optional(), detail: smsText(1000).optional() })
    .optional(),
});

const legacyStatus = z.object({
  messageId: providerId,
  status: z.enum(["delivered", "expired", "failed", "rejected", "accepted", "buffered", "unknown"]),
  "err-code": providerId.max(32).optional(),
  "client-ref": z.string().max(200).optional(),
  "message-timestamp": z.string().max(64).optional(),
});

/** A provider time outside this window (a stamp of 9999-12-31, a clock at zero) is clamped into it. */
const PROVIDER_TIME_PAST_MS = 30 * 24 * 3600_000;
const PROVIDER_TIME_FUTURE_MS = 5 * 60_000;

function vonageTime(value: string | undefined, fallback: Date): Date {
  if (!value) return fallback;
  // The SMS API writes "2026-11-23 18:04:05" in UTC.
  const date = new Date(/^\d{4}-\d{2}-\d{2} /.test(value) ? `${value.replace(" ", "T")}Z` : value);
  if (Number.isNaN(date.getTime())) return fallback;
  const earliest = fallback.getTime() - PROVIDER_TIME_PAST_MS;
  const latest = fallback.getTime() + PROVIDER_TIME_FUTURE_MS;
  return new Date(Math.min(Math.max(date.getTime(), earliest), latest));
}

const json = (body: unknown, status = 200) => Response.json(body, { status });

function invalid(error: z.ZodError) {
  return json({ error: "Malformed webhook", issues: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }, 400);
}

/**
 * Answers 5xx only when storing failed, so Vonage retries; a duplicate is acknowledged
 * (200) and changes nothing.
 */
async function persisting<T>(work: () => Promise<T>, after?: (result: T) => Promise<void>) {
  try {
    const result = await work();
    await after?.(result);
    return json({ ok: true, result });
  } catch (error) {
    if (neverStorable(error)) return json({ error: "This webhook can never be stored" }, 422);
    console.error("[webhooks/vonage] could not store", error);
    return json({ error: "Temporarily unable to store the webhook" }, 503);
  }
}

/**
 * Postgres data exceptions (class 22: bad characters, out-of-range values) and an index
 * entry too large (54000) fail the same way on every retry: a retry cannot cure them.
 */
function neverStorable(error: unknown): boolean {
  for (let current = error; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (code.startsWith("22") || code === "54000")) return true;
  }
  return false;
}

/** Vonage's callbacks are a few kB; anything much larger is refused before it is read in full. */
export const VONAGE_BODY_LIMIT = 64 * 1024;

async function verify(request: Request, now: Date) {
  const body = await readLimitedBody(request, VONAGE_BODY_LIMIT);
  if (!body.ok) return { ok: false as const, response: body.response };
  const verified = await verifyVonageWebhook(withBody(request, body.text), env().vonageSignatureSecret, now);
  return verified.ok ? verified : { ok: false as const, response: json({ error: verified.error }, verified.status) };
}

export async function handleInboundWebhook(request: Request, now = new Date()) {
  const verified = await verify(request, now);
  if (!verified.ok) return verified.response;
  const db = await getDb();
  if (verified.shape === "messages") {
    const parsed = messagesInbound.safeParse(verified.payload);
    if (!parsed.success) return invalid(parsed.error);
    const sms = parsed.data;
    return persisting(
      () => acceptInboundSms(db, { provider: "vonage", providerMessageId: sms.message_uuid, from: sms.from, to: sms.to, text: sms.text, receivedAt: vonageTime(sms.timestamp, now) }),
      processAccepted,
    );
  }
  const parsed = legacyInbound.safeParse(verified.params);
  if (!parsed.success) return invalid(parsed.error);
  const sms = parsed.data;
  const base = { provider: "vonage" as const, from: sms.msisdn, to: sms.to, text: sms.text, receivedAt: vonageTime(sms["message-timestamp"], now) };
  if (sms.concat === "true" && sms["concat-ref"] && sms["concat-total"] && sms["concat-part"]) {
    return persisting(
      () => acceptInboundSmsPart(db, { ...base, partProviderId: sms.messageId, reference: sms["concat-ref"]!, partNumber: sms["concat-part"]!, totalParts: sms["concat-total"]! }),
      processAccepted,
    );
  }
  return persisting(() => acceptInboundSms(db, { ...base, providerMessageId: sms.messageId }), processAccepted);
}

async function processAccepted(result: { status: string; id?: string }) {
  if (result.status === "accepted" && result.id) await afterInboundAccepted(result.id);
}

const MESSAGES_STATUS: Record<z.infer<typeof messagesStatus>["status"], StatusReport["status"]> = {
  submitted: "sent",
  delivered: "delivered",
  read: "delivered",
  rejected: "failed",
  undeliverable: "failed",
};

const LEGACY_STATUS: Record<z.infer<typeof legacyStatus>["status"], StatusReport["status"] | null> = {
  delivered: "delivered",
  accepted: "sent",
  buffered: "sent",
  expired: "failed",
  failed: "failed",
  rejected: "failed",
  unknown: null,
};

export async function handleStatusWebhook(request: Request, now = new Date()) {
  const verified = await verify(request, now);
  if (!verified.ok) return verified.response;
  const db = await getDb();
  let report: StatusReport | null;
  if (verified.shape === "messages") {
    const parsed = messagesStatus.safeParse(verified.payload);
    if (!parsed.success) return invalid(parsed.error);
    const data = parsed.data;
    const status = MESSAGES_STATUS[data.status];
    const detail = [data.error?.title, data.error?.detail].filter(Boolean).join(": ") || null;
    const code = data.error?.title ?? data.error?.type?.split("#")[1] ?? null;
    report = {
      provider: "vonage",
      providerMessageId: data.message_uuid,
      clientRef: data.client_ref ?? null,
      status,
      errorCode: status === "failed" ? carrierErrorCategory(null, detail ?? data.status) : null,
      errorDetail: status === "failed" ? (detail ?? (code ? String(code) : data.status)) : null,
      at: vonageTime(data.timestamp, now),
    };
  } else {
    const parsed = legacyStatus.safeParse(verified.params);
    if (!parsed.success) return invalid(parsed.error);
    const data = parsed.data;
    const status = LEGACY_STATUS[data.status];
    report = status
      ? {
          provider: "vonage",
          providerMessageId: data.messageId,
          clientRef: data["client-ref"] ?? null,
          status,
          errorCode: status === "failed" ? (data.status === "expired" ? "expired" : carrierErrorCategory(data["err-code"], data.status)) : null,
          errorDetail: status === "failed" ? `${data.status} (err-code ${data["err-code"] ?? "?"})` : null,
          at: vonageTime(data["message-timestamp"], now),
        }
      : null;
  }
  if (!report) return json({ ok: true, result: { applied: false } });
  return persisting(() => applyStatusReport(db, report));
}
