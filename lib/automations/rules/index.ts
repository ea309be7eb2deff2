import type { TriggerScope } from "@/db/schema";

export * from "./catalogue";
export * from "./schema";

export type AudienceSubject = "customer" | "appointment" | "event";

/**
 * What one audience row is about, from what counts as "the same trigger": an
 * appointment-scoped automation selects appointments (the reminder knows which one), an
 * event-scoped one events, the others customers.
 */
export function audienceSubjectFor(triggerScope: TriggerScope): AudienceSubject {
  if (triggerScope === "appointment") return "appointment";
  if (triggerScope === "event") return "event";
  return "customer";
}
