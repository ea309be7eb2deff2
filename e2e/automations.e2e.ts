import type { Browser, Page } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const step = (page: Page, name: string) => page.getByTestId(`wizard-step-${name}`);

async function expectCurrentStep(page: Page, name: string) {
  await page.locator(`[data-testid=wizard-step-${name}][aria-current=step]`).waitFor();
}

/** Screenshots every step as it is now, at the page's width. */
async function shoot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await snapshot(page, name);
}

describe("the automation wizard", () => {
  it("builds a reminder step by step with a live count and a dry run, refuses a keyword used twice, activates it after a confirmation; the customer gets it on their phone and OUI confirms the appointment", async () => {
    const context = await newContext(browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/automations");
    await page.getByTestId("new-automation").click();
    await page.waitForURL(/\/automations\/new/, { timeout: 60_000 });

    // 1. Name & type
    await expectCurrentStep(page, "name");
    await page.fill("#automation-name", "Rappel e2e");
    await page.locator("label", { has: page.getByTestId("type-appointment_reminder") }).click();
    await shoot(page, "automation-wizard-1-name-1440");
    await page.getByTestId("wizard-next").click();

    // 2. Message: the composer's editor, a live preview
    await expectCurrentStep(page, "message");
    await page.getByTestId("automation-message-field").click();
    await page.keyboard.type("Rappel de votre rendez-vous demain. Répondez OUI pour confirmer.");
    await page.getByTestId("automation-preview-text").filter({ hasText: "Rappel de votre rendez-vous demain" }).waitFor();
    // Rendered for a real customer who matches (a reminder starts with tomorrow's appointments).
    await page.locator("[data-testid=automation-preview][data-customer]").waitFor();
    // A test to any mobile goes through the sending gate.
    await page.fill("#test-mobile", "514 555 0199");
    await page.getByTestId("automation-send-test").click();
    await page.getByRole("status").filter({ hasText: /514 555 0199/ }).waitFor();
    await shoot(page, "automation-wizard-2-message-1440");
    await page.getByTestId("wizard-next").click();

    // 3. Replies: the reminder's confirm / cancel / reschedule responses are there; a keyword used twice is refused here
    await expectCurrentStep(page, "replies");
    const responses = page.getByTestId("keyword-response");
    expect(await responses.count()).toBe(3);
    await responses.nth(0).getByTestId("keyword-chip").filter({ hasText: /^Oui$/ }).waitFor();
    await responses.nth(1).locator("input[id^=keywords-]").fill("oui");
    await responses.nth(1).locator("input[id^=keywords-]").press("Enter");
    await page.getByTestId("wizard-next").click();
    await responses.nth(1).getByRole("alert").waitFor();
    await expectCurrentStep(page, "replies");
    await shoot(page, "automation-wizard-3-replies-error-1440");
    await responses.nth(1).getByTestId("keyword-chip").filter({ hasText: /^oui$/ }).getByRole("button").click();
    await shoot(page, "automation-wizard-3-replies-1440");
    await page.getByTestId("wizard-next").click();

    // 4. Customers: a rule, the live count, the dry run
    await expectCurrentStep(page, "customers");
    // The reminder starts with "appointment date within the next 1 days"; widen it to 2.
    const condition = page.getByTestId("audience-condition").first();
    await condition.getByTestId("rule-category").selectOption("appointment");
    await condition.getByTestId("rule-attribute").selectOption("start_at");
    await condition.getByTestId("rule-operator").selectOption("within_next_days");
    await condition.getByTestId("rule-value").locator("input").fill("2");
    await page.getByTestId("audience-count-value").waitFor();
    const count = Number((await page.getByTestId("audience-count-value").textContent())!.replace(/\D/g, ""));
    expect(count).toBeGreaterThanOrEqual(0);
    await page.getByTestId("dry-run").click();
    await page.getByTestId("dry-run-table").waitFor();
    const texted = page.locator("[data-testid=dry-run-row][data-skipped=false]").first();
    await texted.waitFor();
    const customerId = (await texted.getAttribute("data-customer-id"))!;
    const customerName = (await texted.locator("p.font-medium").textContent())!.trim();
    await shoot(page, "automation-wizard-4-customers-1440");
    await page.getByTestId("wizard-next").click();

    // 5. Date & time
    await expectCurrentStep(page, "schedule");
    await page.locator("label", { has: page.getByTestId("schedule-realtime") }).click();
    await page.fill("#realtime-every", "1");
    await shoot(page, "automation-wizard-5-schedule-1440");
    await page.getByTestId("wizard-next").click();

    // 6. Create: every step is one click away; activation asks first
    await expectCurrentStep(page, "review");
    await page.getByTestId("review-customers").filter({ hasText: /within the next|dans les/i }).waitFor();
    await step(page, "message").click();
    await expectCurrentStep(page, "message");
    await step(page, "review").click();
    await shoot(page, "automation-wizard-6-review-1440");
    await page.getByTestId("wizard-create-activate").click();
    await page.getByRole("dialog").waitFor();
    await shoot(page, "automation-wizard-6-confirm-1440");
    await page.getByTestId("wizard-confirm-activate").click();

    await page.waitForURL(/\/automations(\?|$|#)/);
    const row = page.getByTestId("automation-row").filter({ hasText: "Rappel e2e" });
    await row.getByTestId("automation-status").filter({ hasText: /Active/ }).waitFor();
    await shoot(page, "automations-list-1440");

    // The engine runs it: the customer receives the reminder, answers OUI, the appointment turns confirmed.
    const confirmedCount = () =>
      page.evaluate(() => [...document.querySelectorAll<HTMLSelectElement>("[data-testid=appointment-status]")].filter((select) => select.value === "confirmed").length);
    await page.goto(`/customers/${customerId}?tab=appointments`);
    await page.getByTestId("appointment-status").first().waitFor();
    // The demo may have confirmed this customer's appointment already: staff set them back to scheduled first.
    for (;;) {
      const index = await page.evaluate(() => [...document.querySelectorAll<HTMLSelectElement>("[data-testid=appointment-status]")].findIndex((select) => select.value === "confirmed"));
      if (index < 0) break;
      await page.getByTestId("appointment-status").nth(index).selectOption("scheduled");
      await page.waitForFunction((i) => {
        const select = document.querySelectorAll<HTMLSelectElement>("[data-testid=appointment-status]")[i];
        return select !== undefined && !select.disabled && select.value === "scheduled";
      }, index);
    }
    const confirmedBefore = await confirmedCount();
    expect(confirmedBefore).toBe(0);

    const phone = await context.newPage();
    await phone.goto(`/dev/phone?q=${encodeURIComponent(customerName.split(" ").slice(1).join(" "))}`);
    await phone.getByTestId("simulator-customers").locator("a").filter({ hasText: customerName }).first().click();
    await phone.waitForURL(/customer=/);
    await phone.getByTestId("phone-message").filter({ hasText: "Rappel de votre rendez-vous demain" }).first().waitFor({ timeout: 90_000 });
    await phone.getByTestId("phone-input").fill("Oui!");
    await phone.getByTestId("phone-send").click();
    await phone.getByTestId("phone-message").filter({ hasText: /rendez-vous est confirmé|appointment is confirmed/ }).first().waitFor({ timeout: 30_000 });
    await shoot(phone, "automation-phone-oui");

    await page.reload();
    await page.getByTestId("appointment-status").first().waitFor();
    expect(await confirmedCount()).toBeGreaterThan(confirmedBefore);
    await context.close();
  }, 240_000);

  it("pauses, resumes, duplicates and archives an automation from the list", async () => {
    const context = await newContext(browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/automations");
    const row = page.getByTestId("automation-row").filter({ hasText: "Rappel e2e" }).first();
    await row.getByTestId("automation-pause").click();
    await row.getByTestId("automation-status").filter({ hasText: /Paused|En pause/ }).waitFor();
    await row.getByTestId("automation-resume").click();
    await row.getByTestId("automation-status").filter({ hasText: /Active/ }).waitFor();

    await row.getByTestId("automation-menu").click();
    await page.getByTestId("automation-duplicate").click();
    await page.waitForURL(/\/automations\/[0-9a-f-]{36}\/edit/);
    await page.locator("#automation-name").waitFor();
    expect(await page.inputValue("#automation-name")).toMatch(/Rappel e2e \((copy|copie)\)/);
    await step(page, "customers").click();
    await page.getByTestId("audience-count-value").waitFor();
    await shoot(page, "automation-edit-customers-1440");

    await page.goto("/automations");
    const copy = page.getByTestId("automation-row").filter({ hasText: /Rappel e2e \((copy|copie)\)/ });
    await copy.getByTestId("automation-status").filter({ hasText: /Draft|Brouillon/ }).waitFor();
    await copy.getByTestId("automation-menu").click();
    await page.getByTestId("automation-archive").click();
    await page.getByRole("dialog").waitFor();
    await shoot(page, "automations-archive-confirm-1440");
    await page.getByRole("dialog").getByRole("button", { name: /Archive|Archiver/ }).click();
    await copy.waitFor({ state: "detached" });
    await context.close();
  });

  it("fits a phone: every step at 390 px, and keeps unsaved work across a reload", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/automations");
    await shoot(page, "automations-list-390");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await page.goto("/automations/new?type=appointment_reminder");
    await page.fill("#automation-name", "Rappel mobile");
    // Unsaved work survives a reload in this browser.
    await page.waitForTimeout(500);
    await page.reload();
    await page.getByRole("button", { name: /Restore it|La reprendre/ }).click();
    expect(await page.inputValue("#automation-name")).toBe("Rappel mobile");
    await shoot(page, "automation-wizard-1-name-390");
    for (const [name, file] of [
      ["message", "2-message"],
      ["replies", "3-replies"],
      ["customers", "4-customers"],
      ["schedule", "5-schedule"],
      ["review", "6-review"],
    ] as const) {
      await step(page, name).click();
      await expectCurrentStep(page, name);
      if (name === "customers") {
        await page.getByTestId("dry-run").click();
        await page.getByTestId("dry-run-table").waitFor();
      }
      await shoot(page, `automation-wizard-${file}-390`);
    }
    // Nothing leaves the screen sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await context.close();
  });
});
