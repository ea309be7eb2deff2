/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import type { AudienceRules } from "@/lib/automations/types";
import fr from "@/lib/i18n/messages/fr.json";
import { chosenGroupIds, GroupPicker } from "./group-picker";
import { CampaignProgressBar } from "./campaign-progress";

const GROUPS = [
  { id: "11111111-1111-4111-8111-111111111111", name: "Clients VIP", kind: "static" as const, memberCount: 12 },
  { id: "22222222-2222-4222-8222-222222222222", name: "Pneus d'été", kind: "dynamic" as const, memberCount: 340 },
];
const FRENCH: AudienceRules = { all: [{ any: [{ category: "customer", attribute: "language", operator: "is", value: "fr" }] }] };

function Harness({ onRules }: { onRules: (rules: AudienceRules) => void }) {
  const [rules, setRules] = useState<AudienceRules>(FRENCH);
  return (
    <NextIntlClientProvider locale="fr" messages={fr}>
      <GroupPicker
        groups={GROUPS}
        rules={rules}
        onChange={(next) => {
          setRules(next);
          onRules(next);
        }}
      />
    </NextIntlClientProvider>
  );
}

describe("the campaign's group picker", () => {
  it("puts the chosen groups in one 'is in group' rule (any of them), narrowed by the other rules, and takes it away when none is left", () => {
    let rules: AudienceRules = FRENCH;
    render(<Harness onRules={(next) => (rules = next)} />);
    expect(screen.getByText("12 membres")).toBeInTheDocument();

    fireEvent.click(screen.getByLabelText(/Clients VIP/));
    fireEvent.click(screen.getByLabelText(/Pneus d'été/));
    expect(chosenGroupIds(rules)).toEqual([GROUPS[0]!.id, GROUPS[1]!.id]);
    expect(rules.all).toHaveLength(2);
    expect(rules.all[0]!.any.map((condition) => condition.operator)).toEqual(["in_group", "in_group"]);
    expect(rules.all[1]).toEqual(FRENCH.all[0]);

    fireEvent.click(screen.getByLabelText(/Clients VIP/));
    expect(chosenGroupIds(rules)).toEqual([GROUPS[1]!.id]);
    fireEvent.click(screen.getByLabelText(/Pneus d'été/));
    expect(rules).toEqual(FRENCH);
  });

  it("offers to create a group when the company has none", () => {
    render(
      <NextIntlClientProvider locale="fr" messages={fr}>
        <GroupPicker groups={[]} rules={FRENCH} onChange={() => undefined} />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole("link", { name: "Créer un groupe" })).toHaveAttribute("href", "/customers/groups");
  });
});

describe("the campaign's progress bar", () => {
  it("counts texts sent or failed out of those to send, leaving skipped customers out", () => {
    render(
      <NextIntlClientProvider locale="fr" messages={fr}>
        <CampaignProgressBar progress={{ total: 10, pending: 4, sent: 3, delivered: 2, failed: 1, skipped: 2, replied: 1, optedOut: 0 }} />
      </NextIntlClientProvider>,
    );
    const bar = screen.getByRole("progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", "50");
    expect(screen.getByText("4 sur 8 textes envoyés")).toBeInTheDocument();
  });
});
