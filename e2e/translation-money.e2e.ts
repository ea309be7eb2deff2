import type { Browser, Page } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The first conversation of the inbox whose customer wrote something. */
async function openConversationWithInbound(page: Page) {
  await page.goto("/conversations?view=all");
  await page.getByTestId("conversation-list").waitFor();
  // Other specs' automations text customers first, so the newest rows may hold no reply yet.
  const links = await page.getByTestId("conversation-row").locator("a[data-row-link]").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
  for (const href of links.slice(0, 30)) {
    await page.goto(href!);
    const inbound = page.locator("[data-testid=message][data-direction=inbound]").first();
    // Staff must be able to write back: a customer who unsubscribed shows no composer.
    if ((await inbound.waitFor({ timeout: 3_000 }).then(() => true, () => false)) && (await page.getByTestId("composer-blocked").count()) === 0) return;
  }
  throw new Error("no conversation with a customer's text and an open composer among the first 30");
}

/** An agent's draft in the composer, with the translate dialog open on it; answers its language field. */
async function translateDialogFor(width: number, draft: string) {
  const context = await newContext(browser, { width, height: width < 500 ? 844 : 900 });
  const page = await context.newPage();
  await signIn(page, DEMO.agent);
  await openConversationWithInbound(page);
  await page.keyboard.press("r");
  await page.keyboard.type(draft);
  await page.getByTestId("ai-menu").click();
  await page.getByRole("menuitem", { name: "Translate…" }).click();
  return { context, page, search: page.getByRole("combobox", { name: "Language" }) };
}

describe("AI translation into any language (EDIT-12, EDIT-13)", () => {
  it("translates a customer's text into a language found by typing, and says what it was translated from", async () => {
    const readers = [
      { width: 1440, email: DEMO.agent, label: "Language", option: "Spanish", from: "Translated from French" },
      { width: 390, email: DEMO.admin, label: "Langue", option: "Espagnol", from: "Traduit du français" },
    ];
    for (const { width, email, label, option, from } of readers) {
      const context = await newContext(browser, { width, height: 900 });
      const page = await context.newPage();
      await signIn(page, email);
      await openConversationWithInbound(page);
      const inbound = page.locator("[data-testid=message][data-direction=inbound]").last();
      const before = await inbound.getByTestId("message-translation").count();
      await inbound.getByTestId("translate-message").click();
      const search = page.getByRole("combobox", { name: label });
      await search.fill("espa");
      await page.getByRole("option").first().filter({ hasText: option }).waitFor();
      await snapshot(page, `translate-incoming-picker-${width}`);
      await search.press("Enter");
      if (before === 0) await inbound.getByTestId("message-translation").filter({ hasText: "(Spanish)" }).waitFor();
      await inbound.getByTestId("translated-from").filter({ hasText: from }).waitFor();
      await expect(inbound.getByTestId("translated-from").textContent()).resolves.toBe(from);
      await snapshot(page, `translate-incoming-${width}`);
      await context.close();
    }
  });

  it("translates a draft into Vietnamese, keeps the original and shows its language", async () => {
    const { context, page, search } = await translateDialogFor(1440, "Bonjour, votre auto est prête");
    await search.fill("vietn");
    await search.press("Enter");
    await page.getByRole("dialog").getByRole("button", { name: "Translate…" }).click();
    await expect(page.getByRole("dialog").getByTestId("translated-from").textContent()).resolves.toBe("Translated from French");
    await expect(page.getByRole("textbox", { name: "Translation" }).inputValue()).resolves.toContain("(Vietnamese) Bonjour, votre auto est prête");
    await snapshot(page, "translate-draft-1440");
    await page.getByRole("button", { name: "Use the translation" }).click();
    await expect(page.getByTestId("translation-note").textContent()).resolves.toContain("Translated from French into Vietnamese");
    await page.getByTestId("send-reply").click();
    const sent = page.locator("[data-testid=message][data-direction=outbound]").filter({ hasText: "(Vietnamese) Bonjour, votre auto est prête" });
    await sent.waitFor();
    await sent.getByRole("button", { name: "Show the original (French)" }).waitFor();
    await context.close();
  });

  it("refuses something that is not a language, with a clear message", async () => {
    const { context, page, search } = await translateDialogFor(390, "Bonjour");
    await search.fill("<b>42</b>");
    await page.getByText("No language matches").waitFor();
    await search.press("Tab");
    await page.getByRole("dialog").getByRole("button", { name: "Translate…" }).click();
    await page.getByRole("dialog").getByRole("alert").filter({ hasText: "That is not a language" }).waitFor();
    await snapshot(page, "translate-draft-refused-390");
    await context.close();
  });
});

describe("money attributes", () => {
  it("shows a repair order's total as money in the reader's language", async () => {
    for (const [email, pattern] of [
      [DEMO.agent, /^Total:\$\d{1,3}(,\d{3})*\.\d{2}$/],
      [DEMO.admin, /^Total:\d{1,3}([\s\u00a0\u202f]\d{3})*,\d{2}[\s\u00a0\u202f]\$$/],
    ] as const) {
      // Wide enough for the conversation's customer panel and its link to the profile.
      const context = await newContext(browser, { width: 1600, height: 900 });
      const page = await context.newPage();
      await signIn(page, email);
      await page.goto("/search?q=RO-48201");
      await page.getByTestId("results-repair-orders").locator("a").first().click();
      await page.waitForURL(/\/(conversations\/[0-9a-f-]{36}|customers\?)/);
      await page.locator('main a[href^="/customers/"]:visible').first().click();
      await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
      const event = page.getByTestId("profile-event").filter({ hasText: "RO-48201" });
      const total = event.locator("dl > div").filter({ hasText: /^Total/ });
      await expect(total.textContent()).resolves.toMatch(pattern);
      await snapshot(page, `money-profile-${email.split("@")[0]}`);
      await context.close();
    }
  });
});
