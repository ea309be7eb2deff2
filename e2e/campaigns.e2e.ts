import type { Browser, Page } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

// Customers of their own, so the audience is small and no other spec's customer is texted.
const tag = String(Date.now() % 100_000).padStart(5, "0");
const LAST_NAME = `Campagne${tag}`;
const NAME = `Pneus d'hiver ${tag}`;
const GROUP = `Clients pneus ${tag}`;
const CUSTOMERS = [
  { firstName: "Agathe", mobile: `514 79${tag.slice(0, 1)}-${tag.slice(1)}` },
  { firstName: "Bruno", mobile: `514 78${tag.slice(0, 1)}-${tag.slice(1)}` },
];

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await snapshot(page, name);
}

async function createCustomer(page: Page, { firstName, mobile }: { firstName: string; mobile: string }) {
  await page.goto("/customers");
  await page.getByTestId("new-customer").click();
  await page.fill("#new-firstName", firstName);
  await page.fill("#new-lastName", LAST_NAME);
  await page.fill("#new-mobile", mobile);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
}

const tileValue = async (page: Page, testId: string) => Number((await page.getByTestId(testId).locator("p").nth(1).textContent())?.replace(/\D/g, "") ?? "NaN");

let campaignUrl = "";

/** The flow starts by building a group: the spec's customers, ticked in the directory, "Ajouter au groupe" → a new static group. */
async function buildGroup(page: Page) {
  await page.goto(`/customers?q=${LAST_NAME}`);
  const boxes = page.getByTestId("select-customer");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=select-customer]").length === 2, undefined, { timeout: 30_000 });
  for (let index = 0; index < 2; index++) await boxes.nth(index).check();
  await page.getByTestId("selection-bar").filter({ hasText: "2 sélectionnés" }).waitFor();
  await page.getByTestId("add-to-group").click();
  await page.getByTestId("add-to-group-target").selectOption("new");
  await page.getByTestId("add-to-group-name").fill(GROUP);
  await page.getByTestId("confirm-add-to-group").click();
  await page.getByTestId("group-name").filter({ hasText: GROUP }).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId("group-member-count").getAttribute("data-count")).toBe("2");
}

describe("campaigns (IMPL-1)", () => {
  it("builds a group, creates a campaign to it with a file, shows the dry run, sends after the typed count and completes", async () => {
    const context = await newContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    for (const customer of CUSTOMERS) await createCustomer(page, customer);
    await buildGroup(page);

    await page.goto("/campaigns");
    await page.getByRole("heading", { name: "Campagnes" }).waitFor();
    await page.getByTestId("new-campaign").first().click();
    await page.waitForURL(/\/campaigns\/new/);
    await page.getByTestId("campaign-name").fill(NAME);
    await page.getByTestId("campaign-message-field").click();
    await page.keyboard.type("Bonjour! 15 % de rabais sur les pneus d'hiver cette semaine chez Beaulieu.");
    // Marketing is on by default, and says which footer it adds.
    expect(await page.getByTestId("campaign-marketing").isChecked()).toBe(true);
    await page.getByText("Répondez ARRET pour vous désabonner", { exact: false }).first().waitFor();
    // A file goes as a link after the text (the composer's picker).
    await page.getByTestId("file-input").setInputFiles({ name: "offre-pneus.txt", mimeType: "text/plain", buffer: Buffer.from("Pneus d'hiver: -15 % cette semaine.") });
    await page.getByTestId("composer-attachments").getByText("offre-pneus.txt").waitFor();
    await page.getByTestId("composer-attachments").filter({ hasNotText: "%" }).waitFor({ timeout: 30_000 });

    // Audience: the group just built, chosen with the group picker (the live count follows).
    await page.getByTestId("campaign-groups").locator("label").filter({ hasText: GROUP }).click();
    await page.getByTestId("campaign-audience-count-value").filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
    await shoot(page, "campaign-form-1280");

    await page.getByTestId("campaign-review").click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    campaignUrl = page.url();
    await page.getByTestId("campaign-status").filter({ hasText: "Brouillon" }).waitFor();

    // The dry run: both receive it, one segment each or more, the texts exactly as sent (with the footer).
    await page.getByTestId("dry-run-will-receive").waitFor({ timeout: 30_000 });
    expect(await tileValue(page, "dry-run-will-receive")).toBe(2);
    expect(await tileValue(page, "dry-run-skipped")).toBe(0);
    const segments = await tileValue(page, "dry-run-segments");
    expect(segments).toBeGreaterThanOrEqual(1);
    expect(await tileValue(page, "dry-run-billable")).toBe(2 * segments);
    const samples = page.getByTestId("dry-run-sample-text");
    expect(await samples.count()).toBe(2);
    await samples.filter({ hasText: "Répondez ARRET pour vous désabonner" }).first().waitFor();
    // The file's link, after the text, in every sample.
    expect(await samples.filter({ hasText: /\/f\/[A-Za-z0-9_-]{32}/ }).count()).toBe(2);
    await shoot(page, "campaign-dry-run-1280");

    // Quiet hours hold marketing texts, and this spec runs at any hour: edit it into a
    // transactional text (no footer), which the dry run then shows as sent.
    await page.getByTestId("campaign-edit").click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId("campaign-marketing").uncheck();
    await page.getByTestId("campaign-audience-count-value").filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId("campaign-review").click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await page.getByTestId("dry-run-sample-text").first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("dry-run-sample-text").filter({ hasText: "ARRET" }).count()).toBe(0);
    // The edit kept the file.
    expect(await page.getByTestId("dry-run-sample-text").filter({ hasText: /\/f\/[A-Za-z0-9_-]{32}/ }).count()).toBe(2);
    expect(await tileValue(page, "dry-run-will-receive")).toBe(2);

    // Sending requires typing the count.
    const confirm = page.getByTestId("campaign-confirm");
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId("campaign-confirm-count").fill("3");
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId("campaign-confirm-count").fill("2");
    await confirm.click();

    // Live progress until completed (the page refreshes itself while sending).
    await page.getByTestId("campaign-progress").waitFor({ timeout: 30_000 });
    await page.locator("[data-testid=campaign-status][data-status=completed]").waitFor({ timeout: 90_000 });
    expect(await tileValue(page, "campaign-total-sent")).toBe(2);
    expect(await page.getByTestId("campaign-progress").getAttribute("data-done")).toBe("2");
    expect(await page.locator("[data-testid=recipient-row]").count()).toBe(2);
    await shoot(page, "campaign-completed-1280");

    // It shows in the list with its totals.
    await page.goto("/campaigns");
    await page.getByTestId("campaign-row").filter({ hasText: NAME }).getByTestId("campaign-row-totals").waitFor();
    await shoot(page, "campaigns-list-1280");
    await context.close();
  }, 240_000);

  it("a customer replies from the phone; the reply shows on the campaign's results, linked to the conversation", async () => {
    const context = await newContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);

    const phone = await context.newPage();
    await phone.goto(`/dev/phone?q=${LAST_NAME}`);
    await phone.getByTestId("simulator-customers").locator("a").filter({ hasText: `Agathe ${LAST_NAME}` }).first().click();
    await phone.waitForURL(/customer=/);
    await phone.getByTestId("phone-message").filter({ hasText: "15 % de rabais sur les pneus" }).first().waitFor({ timeout: 30_000 });
    await phone.getByTestId("phone-input").fill("Intéressée! Avez-vous des Michelin?");
    await phone.getByTestId("phone-send").click();
    await shoot(phone, "campaign-phone-reply");

    await page.goto(`${campaignUrl}?status=replied`);
    const row = page.getByTestId("recipient-row").filter({ hasText: `Agathe ${LAST_NAME}` });
    for (let attempt = 0; attempt < 20 && !(await row.count()); attempt++) {
      await page.waitForTimeout(1_000);
      await page.reload();
    }
    await row.getByTestId("recipient-reply").filter({ hasText: "Avez-vous des Michelin?" }).waitFor();
    expect(await tileValue(page, "campaign-total-replied")).toBe(1);
    expect(await row.getByTestId("recipient-customer").getAttribute("href")).toMatch(/^\/conversations\/[0-9a-f-]{36}$/);
    await shoot(page, "campaign-replied-1280");

    // A note with an @mention on that recipient.
    await row.getByTestId("result-notes-toggle").click();
    await row.getByTestId("result-note-field").click();
    await page.keyboard.type("Rappeler pour les Michelin @Ale");
    await page.getByTestId("mention-list").getByRole("button", { name: /Alex Martin/ }).click();
    await row.getByTestId("result-note-submit").click();
    await row.getByTestId("result-note").filter({ hasText: "Rappeler pour les Michelin @Alex Martin" }).waitFor();

    await context.close();
  }, 120_000);

  it("every campaign and group page fits a desktop (1280) and a phone (390): the list, a new campaign and its dry run, the results, the groups and a group", async () => {
    for (const width of [1280, 390]) {
      const context = await newContext(browser, { width, height: width > 800 ? 900 : 844 });
      const page = await context.newPage();
      await signIn(page, DEMO.admin);
      const fits = async (name: string) => {
        await shoot(page, `${name}-${width}`);
        expect({ page: name, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ page: name, width });
      };
      await page.goto("/campaigns");
      await page.getByTestId("campaign-row").filter({ hasText: NAME }).first().waitFor();
      await fits("campaigns-list");

      // A new campaign to the group, up to its dry run (left a draft).
      await page.goto("/campaigns/new");
      await page.getByTestId("campaign-name").fill(`${NAME} brouillon ${width}`);
      await page.getByTestId("campaign-message-field").click();
      await page.keyboard.type("Bonjour { customer.first_name }, vos pneus d'hiver vous attendent.");
      await page.getByTestId("campaign-groups").locator("label").filter({ hasText: GROUP }).click();
      await page.getByTestId("campaign-audience-count-value").filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
      await fits("campaign-new");
      await page.getByTestId("campaign-review").click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await page.getByTestId("dry-run-sample-text").first().waitFor({ timeout: 30_000 });
      await fits("campaign-dry-run");

      await page.goto(campaignUrl);
      await page.getByTestId("recipients-list").waitFor();
      await fits("campaign-results");

      await page.goto("/customers/groups");
      await page.getByTestId("group-row").filter({ hasText: GROUP }).waitFor();
      await fits("groups-list");
      await page.getByTestId("group-row").filter({ hasText: GROUP }).click();
      await page.getByTestId("group-member").first().waitFor();
      await fits("group-static");
      await context.close();
    }
  }, 180_000);
});
