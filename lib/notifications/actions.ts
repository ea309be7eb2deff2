"use server";

import { z } from "zod";
import { markAllNotificationsRead } from "@/db/queries/notifications";
import { defineAction } from "@/lib/actions/action";

export const markNotificationsRead = defineAction({ input: z.object({}), output: z.null() }, async (_input, { db, companyId, userId }) => {
  await markAllNotificationsRead(db, { companyId, userId });
  return null;
});
