"use server";

import { z } from "zod";
import { findNotificationPreferences, markAllNotificationsRead, markNotificationRead as markOneRead, updateNotificationPreferences } from "@/db/queries/notifications";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { mergeMatrix } from "./preferences";
import { notificationIdSchema, notificationMatrixSchema } from "./validation";

export const markNotificationsRead = defineAction({ input: z.object({}), output: z.null() }, async (_input, { db, companyId, userId }) => {
  await markAllNotificationsRead(db, { companyId, userId });
  return null;
});

/** Opening one notification reads it; another user's id changes nothing. */
export const markNotificationRead = defineAction({ input: notificationIdSchema, output: z.null() }, async ({ id }, { db, companyId, userId }) => {
  await markOneRead(db, { companyId, userId, notificationId: id });
  return null;
});

/** USER-5: the signed-in user's event × channel matrix; always their own, whatever the input says. */
export const saveNotificationPreferences = defineAction({ input: notificationMatrixSchema, output: z.null() }, async ({ preferences }, { db, companyId, userId }) => {
  const current = await findNotificationPreferences(db, { companyId, userId });
  if (!current) throw new NotFoundError();
  if (!(await updateNotificationPreferences(db, { companyId, userId, preferences: mergeMatrix(current.preferences, preferences) }))) throw new NotFoundError();
  return null;
});
