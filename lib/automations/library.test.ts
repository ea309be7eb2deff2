import { BUILT_IN_ATTRIBUTES, templateValues } from "@/lib/templates/context";
import { parseTemplate, tokensOf } from "@/lib/templates/parse";
import { renderTemplate } from "@/lib/templates/render";
import { findTemplate, LIBRARY, templateDefinition } from "./library";
import { audienceCatalogue, audienceRulesSchema, catalogueIssues, type CustomAttributeForRules } from "./rules";
import { automationDefinitionSchema } from "./validation";

/** The custom attributes the templates name (`uses`), as a company defines them. */
const CUSTOM: CustomAttributeForRules[] = [
  { category: "customer", key: "vehicle_make", label: "Marque", type: "string", options: [] },
  { category: "customer", key: "vehicle_model", label: "Modèle", type: "string", options: [] },
  { category: "customer", key: "last_visit", label: "Dernière visite", type: "date", options: [] },
  { category: "customer", key: "lease_end", label: "Fin de location", type: "date", options: [] },
  { category: "customer", key: "warranty_end", label: "Fin de garantie", type: "date", options: [] },
  { category: "appointment", key: "advisor", label: "Conseiller", type: "string", options: [] },
  { category: "event", key: "mileage", label: "Kilométrage", type: "number", options: [] },
  { category: "event", key: "total", label: "Total", type: "money", options: [] },
];

const SUBJECTS = {
  timeZone: "America/Toronto",
  customer: { firstName: "Marie", lastName: "Tremblay", mobile: "+15145550101", email: null, attributes: { vehicle_make: "Honda", vehicle_model: "Civic" } },
  company: { name: "Garage Laval", senderNumber: "+15145550000" },
  user: { name: "Sophie Roy", jobTitle: null },
  appointment: { startAt: new Date("2026-12-02T14:30:00Z"), type: "Entretien", durationMinutes: 60, attributes: { advisor: "Alex" } },
  event: { number: "RO-1042", title: "Freins", attributes: { total: 412.5 } },
};

describe("the automation library", () => {
  it("offers at least the ten automations of the issue, each with a unique key", () => {
    const keys = LIBRARY.map((template) => template.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        "reminder_day_before",
        "reminder_two_hours",
        "no_show_follow_up",
        "review_after_visit",
        "payment_on_close",
        "csi_survey",
        "winter_tires",
        "service_due",
        "lease_ending",
        "welcome",
      ]),
    );
  });

  describe.each(LIBRARY.map((template) => [template.key, template] as const))("%s", (_key, template) => {
    it("has a name, a description and every message in French and in English", () => {
      for (const text of [template.name, template.description, ...template.messages.flatMap((m) => [m.title, m.body])]) {
        expect(text.fr.trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
        expect(text.fr).not.toBe(text.en);
      }
      expect(template.messages.length).toBeGreaterThan(0);
    });

    it("renders every message in both languages with no broken or unknown attribute", () => {
      const known = new Set<string>([...BUILT_IN_ATTRIBUTES, ...template.uses]);
      for (const message of template.messages) {
        for (const locale of ["fr", "en"] as const) {
          const source = message.body[locale];
          const paths = tokensOf(parseTemplate(source)).map((token) => token.path);
          expect(paths.filter((path) => !known.has(path))).toEqual([]);
          const text = renderTemplate(source, templateValues({ ...SUBJECTS, locale }));
          expect(text).not.toMatch(/[{}]/);
          expect(text).toContain("Garage Laval");
          // A customer without a first name still gets a tidy text.
          const bare = renderTemplate(source, templateValues({ ...SUBJECTS, locale, customer: { ...SUBJECTS.customer, firstName: "", attributes: {} } }));
          expect(bare).not.toMatch(/ ,|\s{2}|^\s|\s$/);
        }
      }
    });

    it("is a definition the wizard accepts, with rules the catalogue knows", () => {
      for (const locale of ["fr", "en"] as const) {
        const definition = templateDefinition(template, { locale, repliesUserId: "00000000-0000-4000-8000-000000000001" });
        const parsed = automationDefinitionSchema.safeParse(definition);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(audienceRulesSchema.safeParse(definition.rules).error?.issues ?? []).toEqual([]);
        expect(catalogueIssues(definition.rules, audienceCatalogue(CUSTOM))).toEqual([]);
      }
      // Every custom attribute a rule reads is declared, so the library can say which ones a company lacks.
      const ruleAttributes = template.rules.all.flatMap((rule) => rule.any).filter((c) => c.attribute.startsWith("attributes.")).map((c) => `${c.category}.${c.attribute.slice("attributes.".length)}`);
      for (const path of ruleAttributes) expect(template.uses).toContain(path);
    });

    it("makes a complete definition: rules with values, replies in the chosen language, the replies user", () => {
      for (const locale of ["fr", "en"] as const) {
        const definition = templateDefinition(template, { locale, messageId: template.messages.at(-1)!.id, repliesUserId: "00000000-0000-4000-8000-000000000001" });
        expect(definition.name).toBe(template.name[locale]);
        expect(definition.messageBody).toBe(template.messages.at(-1)!.body[locale]);
        expect(definition.fallbackUserId).toBe("00000000-0000-4000-8000-000000000001");
        expect(definition.rules.all.length).toBeGreaterThan(0);
        for (const rule of definition.rules.all) {
          expect(rule.any.length).toBeGreaterThan(0);
          for (const condition of rule.any) {
            if (condition.operator !== "known" && condition.operator !== "unknown") expect(condition.value ?? null).not.toBeNull();
          }
        }
        for (const response of definition.keywordResponses) {
          expect(response.keywords.length).toBeGreaterThan(0);
          expect(response.reply).toBe(template.keywordResponses.find((r) => r.id === response.id)!.reply?.[locale] ?? null);
        }
        // A keyword may answer only one response.
        const keywords = definition.keywordResponses.flatMap((response) => response.keywords.map((k) => k.toLowerCase()));
        expect(new Set(keywords).size).toBe(keywords.length);
        if (definition.sentimentEnabled) expect(definition.negativeNotifyUserIds).toEqual(["00000000-0000-4000-8000-000000000001"]);
        if (template.type === "appointment_reminder") {
          expect(definition.triggerScope).toBe("appointment");
          expect(definition.keywordResponses.map((r) => r.action)).toEqual(["confirm_appointment", "cancel_appointment", "reschedule_appointment"]);
        }
      }
    });
  });

  it("does not let one definition change the template it came from", () => {
    const template = findTemplate("reminder_day_before")!;
    const definition = templateDefinition(template, { locale: "fr" });
    definition.rules.all.pop();
    definition.keywordResponses[0]!.keywords.push("yep");
    expect(templateDefinition(template, { locale: "fr" }).rules.all).toHaveLength(2);
    expect(template.keywordResponses[0]!.keywords).not.toContain("yep");
  });
});
