import { z } from "zod";
import { markAllNotificationsRead } from "@/db/queries/notifications";
import { defineAction } from "@/lib/actions/action";

export const markNotificationsRead = defineAction({ input: z.object({}) }, async (_input, { db, companyId, userId }) => {
  await markAllNotificationsRead(db, { companyId, userId });
  return null;
});
