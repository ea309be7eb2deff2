import type { AudienceCatalogue } from "@/lib/automations/rules/catalogue";

/** The rule catalogue without this group among the group choices: a group cannot name itself. */
export function withoutGroup(catalogue: AudienceCatalogue, groupId: string): AudienceCatalogue {
  return {
    ...catalogue,
    customer: catalogue.customer.map((attribute) => (attribute.choices ? { ...attribute, choices: attribute.choices.filter((choice) => choice.value !== groupId) } : attribute)),
  };
}
