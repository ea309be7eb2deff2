import type { automations } from "@/db/schema";

export type { AudienceCondition, AudienceRules, AudienceValue } from "@/db/schema";

export type Automation = typeof automations.$inferSelect;

/**
 * What the wizard edits and the engine runs: an automation's definition, saved or not
 * (the dry run and "send a test" work on the unsaved draft).
 */
export type AutomationDefinition = Pick<
  Automation,
  | "name"
  | "type"
  | "rules"
  | "messageBody"
  | "marketing"
  | "keywordResponses"
  | "fallbackUserId"
  | "fallbackReply"
  | "sentimentEnabled"
  | "sentimentScale"
  | "negativeNotifyUserIds"
  | "schedule"
  | "dailyAt"
  | "realtimeEveryMinutes"
  | "triggerScope"
  | "repeatAfterDays"
  | "settings"
  | "aiReplies"
  | "replyWindowDays"
>;
