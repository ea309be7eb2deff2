import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

const KINDS = [
  "automation.send_failed",
  "automation.negative_reply",
  "automation.appointment_confirmed",
  "automation.appointment_cancelled",
  "automation.reschedule_requested",
  "automation.reply_needs_attention",
  "automation.result_note",
];

describe("notification texts of automations", () => {
  it.each([
    ["en", en],
    ["fr", fr],
  ] as const)("name the automation, and the customer when known (%s)", (locale, messages) => {
    const t = createTranslator({ locale, messages, namespace: "notifications" });
    for (const kind of KINDS) {
      const key = `kind.${kind.replaceAll(".", "_")}`;
      expect(t.has(key as never)).toBe(true);
      const named = t(`${key}_named` as never, { automation: "Rappel veille", name: "Marie Tremblay" } as never);
      // A note names the automation; the others name the customer when the data has one.
      expect(named).toContain(kind === "automation.result_note" ? "Rappel veille" : "Marie Tremblay");
      const anonymous = t(`${key}_named` as never, { automation: "Rappel veille", name: "_" } as never);
      expect(anonymous).toContain("Rappel veille");
      expect(anonymous).not.toContain("_");
    }
    expect(t("kind.automation_send_failed_named" as never, { automation: "Rappel veille", name: "Marie" } as never)).toMatch(/Rappel veille.*Marie/);
  });
});

describe("notification text of a campaign's send failures", () => {
  it.each([
    ["en", en, "5 customers"],
    ["fr", fr, "5 clients"],
  ] as const)("names the campaign and how many texts failed (%s)", (locale, messages, five) => {
    const t = createTranslator({ locale, messages, namespace: "notifications" });
    expect(t("kind.campaign_send_failed_named" as never, { automation: "Pneus", name: "_", count: 5 } as never)).toMatch(new RegExp(`Pneus.*${five}`));
    expect(t("kind.campaign_send_failed_named" as never, { automation: "Pneus", name: "_", count: 1 } as never)).toMatch(/Pneus.* 1 /);
  });
});
