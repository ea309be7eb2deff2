"use server";

import { z } from "zod";
import { deletePushSubscription, savePushSubscription } from "@/db/queries/push";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { deviceLabel } from "./device-label";
import { removePushDeviceSchema, savePushDeviceSchema } from "./validation";

/** This browser accepted push: it becomes one of the user's devices (USER-5). */
export const savePushDevice = defineAction({ input: savePushDeviceSchema, output: z.object({ id: z.uuid() }) }, async ({ endpoint, keys, userAgent }, { db, companyId, userId }) => {
  const id = await savePushSubscription(db, {
    companyId,
    userId,
    subscription: { endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent: userAgent ?? null, deviceLabel: deviceLabel(userAgent) },
  });
  return { id };
});

export const removePushDevice = defineAction({ input: removePushDeviceSchema, output: z.null() }, async ({ id }, { db, companyId, userId }) => {
  if (!(await deletePushSubscription(db, { companyId, userId, id }))) throw new NotFoundError();
  return null;
});
