/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { OptOutHint } from "./opt-out-hint";

const flag = { id: "5b0c2f6e-7f1e-4c55-9d59-3f4a1f0f2a10", messageId: "m1", excerpt: "stop calling me at work" };

function renderIn(locale: "en" | "fr", actions: { unsubscribe?: () => Promise<ActionResult<unknown>>; dismiss?: () => Promise<ActionResult<unknown>> } = {}) {
  const calls: { action: string; input: unknown }[] = [];
  const recorded = (action: string, answer = async (): Promise<ActionResult<unknown>> => ({ ok: true, data: {} })) => (input: unknown) => {
    calls.push({ action, input });
    return answer();
  };
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="America/Toronto">
      <OptOutHint flag={flag} unsubscribe={recorded("unsubscribe", actions.unsubscribe)} dismiss={recorded("dismiss", actions.dismiss)} />
    </NextIntlClientProvider>,
  );
  return calls;
}

describe("OptOutHint", () => {
  it("tells staff the text may be an opt-out request and unsubscribes the customer in one click", async () => {
    const calls = renderIn("en");
    expect(screen.getByRole("region", { name: "This may be an opt-out request" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Unsubscribe customer" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("The customer is unsubscribed and was sent a confirmation."));
    expect(calls).toEqual([{ action: "unsubscribe", input: { flagId: flag.id } }]);
    expect(screen.queryByRole("button", { name: "Unsubscribe customer" })).not.toBeInTheDocument();
  });

  it("lets staff dismiss it, in French", async () => {
    const calls = renderIn("fr");
    expect(screen.getByRole("region", { name: "Ceci pourrait être une demande de désabonnement" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Pas un désabonnement" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Marqué comme n’étant pas une demande de désabonnement."));
    expect(calls).toEqual([{ action: "dismiss", input: { flagId: flag.id } }]);
  });

  it("shows why it failed and keeps the choice open", async () => {
    renderIn("en", { unsubscribe: async () => ({ ok: false, error: "errors.notFound" }) });
    fireEvent.click(screen.getByRole("button", { name: "Unsubscribe customer" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(en.errors.notFound));
    await waitFor(() => expect(screen.getByRole("button", { name: "Unsubscribe customer" })).toBeEnabled());
  });
});
