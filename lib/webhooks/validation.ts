import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./events";

const eventTypes = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "webhooks.errors.noEventType"),
);

export const createEndpointSchema = z.object({
  url: z.string().trim().min(1, "webhooks.errors.invalidUrl").max(2000, "webhooks.errors.invalidUrl"),
  description: z.string().trim().max(200).default(""),
  eventTypes,
});

export const updateEndpointSchema = createEndpointSchema.extend({ id: z.uuid() });
export const endpointIdSchema = z.object({ id: z.uuid() });
export const replayDeliverySchema = z.object({ deliveryId: z.uuid() });
export const replayRangeSchema = z
  .object({ id: z.uuid(), from: z.coerce.date(), to: z.coerce.date() })
  .refine((value) => value.from <= value.to, { message: "webhooks.errors.badRange", path: ["to"] });
