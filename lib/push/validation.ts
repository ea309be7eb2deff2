import { z } from "zod";

// Browsers' push services (Chrome/Edge/Samsung: FCM, Firefox: Mozilla, Safari: Apple, Windows: WNS).
// The server POSTs to the endpoint, so any other host (an internal address) is refused.
const PUSH_SERVICE_HOSTS = [/^fcm\.googleapis\.com$/, /^android\.googleapis\.com$/, /(^|\.)push\.services\.mozilla\.com$/, /(^|\.)push\.apple\.com$/, /(^|\.)notify\.windows\.com$/];

const base64url = (bytes: number) => z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: "errors.invalidInput" }).refine((value) => Buffer.from(value, "base64url").length === bytes, { message: "errors.invalidInput" });

const pushEndpointSchema = z
  .url({ protocol: /^https$/, message: "push.errors.endpoint" })
  .max(2000)
  .refine((value) => PUSH_SERVICE_HOSTS.some((host) => host.test(new URL(value).hostname)), { message: "push.errors.endpoint" });

/** What PushSubscription.toJSON() gives, plus the browser's user agent for the device's name. */
export const savePushDeviceSchema = z.object({
  endpoint: pushEndpointSchema,
  keys: z.object({ p256dh: base64url(65), auth: base64url(16) }),
  userAgent: z.string().max(500).optional(),
});

export const removePushDeviceSchema = z.object({ id: z.uuid() });
