"use server";

import { runAction } from "@/lib/actions/run";
import { markNotificationsRead } from "@/lib/notifications/actions";

export async function markMyNotificationsRead(input: unknown) {
  return runAction(markNotificationsRead, input);
}
