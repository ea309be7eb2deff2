import type { z } from "zod";
import type { PickerAttribute } from "@/components/composer/attribute-picker";
import type { AutomationStatus } from "@/db/schema";
import type { AudienceCatalogue } from "@/lib/automations/rules/catalogue";
import type { audienceRulesSchema } from "@/lib/automations/rules/schema";
import type { AutomationDefinition } from "@/lib/automations/types";

export type WizardUser = { id: string; name: string };

/** What the server page hands the wizard: the definition and everything its steps choose from. */
export type WizardProps = {
  automationId?: string;
  status?: AutomationStatus;
  initial: AutomationDefinition;
  catalogue: AudienceCatalogue;
  attributes: PickerAttribute[];
  users: WizardUser[];
  currentUserId: string;
  aiEnabled: boolean;
  timeZone: string;
  canEditSavedReplies: boolean;
};

/** Field errors keyed by path without the "definition." prefix ("keywordResponses.1.keywords"). */
export type WizardErrors = Record<string, string>;

export type StepProps = {
  definition: AutomationDefinition;
  update: (changes: Partial<AutomationDefinition>) => void;
  errors: WizardErrors;
};

/** The stored rule types name operators as strings; the actions' input narrows them (the server re-checks). */
export function asInput(definition: AutomationDefinition) {
  return definition as AutomationDefinition & { rules: z.input<typeof audienceRulesSchema> };
}
