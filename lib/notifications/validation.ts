import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from "./preferences";

const EVENT_IDS = NOTIFICATION_EVENTS.map((e) => e.id) as [string, ...string[]];

/** The settings matrix as saved: one tick per event shown and channel; unknown events or channels are refused. */
export const notificationMatrixSchema = z.object({
  preferences: z.partialRecord(z.enum(EVENT_IDS), z.partialRecord(z.enum(NOTIFICATION_CHANNELS), z.boolean())),
});

export const notificationIdSchema = z.object({ id: z.uuid() });
