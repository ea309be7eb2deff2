import type { Browser, Page } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const figure = async (page: Page, id: string) => Number((await page.getByTestId(`report-value-${id}`).innerText()).replace(/[^\d]/g, ""));
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function customRange(page: Page, from: string, to: string) {
  await page.getByTestId("report-range").selectOption("custom");
  await page.getByTestId("report-from").fill(from);
  await page.getByTestId("report-to").fill(to);
  await page.getByTestId("report-apply").click();
  await page.waitForURL((url) => url.searchParams.get("from") === from && url.searchParams.get("to") === to);
}

describe("reports dashboard", () => {
  it("shows an admin the period's figures, which follow the range picked", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);

    await page.getByRole("link", { name: "Rapports" }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByTestId("report-card-messagesIn").waitFor();
    const thisWeek = await figure(page, "messagesIn");
    await page.getByTestId("chart-messages-per-day").locator(".recharts-bar-rectangle").first().waitFor();

    // The demo's texts span the last few weeks: sixty days hold more than this week.
    const today = new Date();
    await customRange(page, isoDay(new Date(today.getTime() - 60 * 86_400_000)), isoDay(today));
    await page.waitForFunction((before) => Number(document.querySelector("[data-testid=report-value-messagesIn]")?.textContent?.replace(/[^\d]/g, "")) > before, thisWeek);
    const sixtyDays = await figure(page, "messagesIn");
    expect(sixtyDays).toBeGreaterThan(thisWeek);
    expect(await figure(page, "paymentsCount")).toBeGreaterThan(0);
    expect(await figure(page, "reviewsCount")).toBeGreaterThan(0);
    await page.getByTestId("report-users-table").getByText("Alex Martin").waitFor();
    await page.waitForTimeout(300);
    await snapshot(page, "reports-1280");

    const csv = await context.request.get(`/api/reports/csv?table=users&range=custom&from=${isoDay(new Date(today.getTime() - 60 * 86_400_000))}&to=${isoDay(today)}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("Alex Martin");

    // A period before the demo: the empty state.
    await customRange(page, "2020-01-01", "2020-01-31");
    await page.getByTestId("reports-empty").waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await customRange(page, isoDay(new Date(today.getTime() - 60 * 86_400_000)), isoDay(today));
    await page.getByTestId("report-card-messagesIn").waitFor();
    expect(await figure(page, "messagesIn")).toBe(sixtyDays);
    await page.waitForTimeout(300);
    await snapshot(page, "reports-390");
    await context.close();
  });

  it("is not there for an agent", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    expect(await page.getByRole("link", { name: "Reports" }).count()).toBe(0);
    const response = await page.goto("/reports");
    expect(response?.status()).toBe(404);
    expect((await context.request.get("/api/reports/csv?table=users")).status()).toBe(403);
    await context.close();
  });
});
