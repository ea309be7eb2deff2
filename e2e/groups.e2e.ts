import type { Browser, Page } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await snapshot(page, name);
}

const memberCount = async (page: Page) => Number(await page.getByTestId("group-member-count").getAttribute("data-count"));
const liveCount = async (page: Page) => Number(await page.getByTestId("group-live-count-value").getAttribute("data-count"));

describe("customer groups", () => {
  it("builds a dynamic group with a live count, freezes it, makes a group from the directory's selection and exports it", async () => {
    const tag = Date.now().toString(36).slice(-5);
    const context = await newContext(browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);

    // The Customers sub-navigation leads to the groups; the seeded ones are listed with their counts.
    await page.goto("/customers");
    await page.getByTestId("customers-tab-groups").click();
    await page.waitForURL(/\/customers\/groups$/);
    await page.getByTestId("group-row").filter({ hasText: "Clients VIP" }).filter({ hasText: "12 clients" }).waitFor();
    await shoot(page, "groups-list-1440");

    // A dynamic group: the automation wizard's rule builder, with the live count.
    await page.getByTestId("new-group").click();
    await page.waitForURL(/\/customers\/groups\/new/);
    await page.fill("#group-name", `Anciens véhicules ${tag}`);
    await page.getByTestId("add-rule").click();
    const condition = page.getByTestId("audience-condition").first();
    await condition.getByTestId("rule-attribute").selectOption("attributes.vehicle_year");
    await condition.getByTestId("rule-operator").selectOption("lt");
    await condition.getByTestId("rule-value").locator("input").fill("2016");
    const live = page.getByTestId("group-live-count-value");
    await live.waitFor();
    const first = Number(await live.getAttribute("data-count"));
    expect(first).toBeGreaterThan(0);
    // Tightening the rule lowers the count as it is typed.
    await condition.getByTestId("rule-value").locator("input").fill("2014");
    await page.waitForFunction((before) => Number(document.querySelector("[data-testid=group-live-count-value]")?.getAttribute("data-count")) < before, first);
    const count = Number(await live.getAttribute("data-count"));
    await shoot(page, "groups-new-dynamic-1440");
    await page.getByTestId("save-group").click();
    await page.waitForURL(/\/customers\/groups\/[0-9a-f-]{36}$/);
    await page.getByTestId("group-name").filter({ hasText: `Anciens véhicules ${tag}` }).waitFor();
    expect(await memberCount(page)).toBe(count);
    expect(await page.getByTestId("group-member").count()).toBe(Math.min(count, 50));
    await shoot(page, "groups-dynamic-1440");

    // Frozen: a static copy of those customers.
    const dynamicUrl = page.url();
    await page.getByTestId("freeze-group").click();
    await page.fill("#freeze-name", `Figé ${tag}`);
    await page.getByTestId("confirm-freeze").click();
    await page.waitForURL((url) => url.pathname !== new URL(dynamicUrl).pathname && /\/customers\/groups\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId("group-name").filter({ hasText: `Figé ${tag}` }).waitFor();
    expect(await memberCount(page)).toBe(count);

    // From the directory: tick two customers, "Add to group" → a new static group.
    await page.goto("/customers");
    const boxes = page.getByTestId("select-customer");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId("selection-bar").filter({ hasText: "2 sélectionnés" }).waitFor();
    await shoot(page, "groups-directory-selection-1440");
    await page.getByTestId("add-to-group").click();
    await page.getByTestId("add-to-group-target").selectOption("new");
    await page.getByTestId("add-to-group-name").fill(`Sélection ${tag}`);
    await page.getByTestId("confirm-add-to-group").click();
    await page.getByTestId("group-name").filter({ hasText: `Sélection ${tag}` }).waitFor();
    expect(await memberCount(page)).toBe(2);
    await shoot(page, "groups-static-1440");

    // Export: the group's customers as CSV, headers in French.
    const groupId = new URL(page.url()).pathname.split("/").pop()!;
    const response = await page.request.get(`/api/groups/${groupId}/export`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Prénom,Nom,Cellulaire,Courriel,Langue/);
    expect(lines).toHaveLength(3);
    // Another id is a 404, never someone else's customers.
    expect((await page.request.get("/api/groups/00000000-0000-4000-8000-000000000000/export")).status()).toBe(404);
    await context.close();
  });

  it("edits a group from the list: a new name and rule, saved, then the list shows both", async () => {
    const tag = Date.now().toString(36).slice(-5);
    const context = await newContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    const condition = page.getByTestId("audience-condition").first();

    // The group to edit: vehicles older than 2016.
    await page.goto("/customers/groups/new");
    await page.fill("#group-name", `Parc ${tag}`);
    await page.getByTestId("add-rule").click();
    await condition.getByTestId("rule-attribute").selectOption("attributes.vehicle_year");
    await condition.getByTestId("rule-operator").selectOption("lt");
    await condition.getByTestId("rule-value").locator("input").fill("2016");
    await page.getByTestId("group-live-count-value").waitFor();
    const older = await liveCount(page);
    await page.getByTestId("save-group").click();
    await page.waitForURL(/\/customers\/groups\/[0-9a-f-]{36}$/);

    // Opened from the list, then "Edit": the form holds the stored name and rule.
    await page.goto("/customers/groups");
    await page.getByTestId("group-row").filter({ hasText: `Parc ${tag}` }).click();
    await page.getByTestId("edit-group").click();
    await page.waitForURL(/\/customers\/groups\/[0-9a-f-]{36}\/edit$/);
    expect(await page.inputValue("#group-name")).toBe(`Parc ${tag}`);
    expect(await condition.getByTestId("rule-value").locator("input").inputValue()).toBe("2016");
    await page.getByTestId("group-live-count-value").filter({ hasText: String(older) }).waitFor();

    // After 2016 instead, renamed: the live count follows the rule.
    await page.fill("#group-name", `Parc récent ${tag}`);
    await condition.getByTestId("rule-operator").selectOption("gt");
    await page.waitForFunction((before) => Number(document.querySelector("[data-testid=group-live-count-value]")?.getAttribute("data-count")) !== before, older);
    const recent = await liveCount(page);
    expect(recent).toBeGreaterThan(0);
    await shoot(page, "groups-edit-1280");
    await page.getByTestId("save-group").click();
    await page.waitForURL(/\/customers\/groups\/[0-9a-f-]{36}$/);
    await page.getByTestId("group-name").filter({ hasText: `Parc récent ${tag}` }).waitFor();
    expect(await memberCount(page)).toBe(recent);

    // The list: the new name with the new count, the old name gone.
    await page.goto("/customers/groups");
    const row = page.getByTestId("group-row").filter({ hasText: `Parc récent ${tag}` });
    expect(Number(await row.getByTestId("group-count").getAttribute("data-count"))).toBe(recent);
    expect(await page.getByTestId("group-row").filter({ has: page.getByText(`Parc ${tag}`, { exact: true }) }).count()).toBe(0);
    await context.close();
  });

  it("works at phone width", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/customers/groups");
    await page.getByTestId("group-row").first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shoot(page, "groups-list-390");
    await page.getByTestId("group-row").filter({ hasText: "Véhicules 2018" }).click();
    await page.getByTestId("group-member").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, "groups-dynamic-390");
    await page.goto("/customers/groups/new");
    await page.getByTestId("group-live-count-value").waitFor();
    await shoot(page, "groups-new-390");
    await page.goto("/customers");
    await page.getByTestId("select-customer").first().check();
    await page.getByTestId("selection-bar").waitFor();
    await shoot(page, "groups-directory-390");
    await context.close();
  });
});
