import type { Browser } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("conversation export to PDF", () => {
  it("staff export a conversation from its header; the email with the PDF arrives in the outbox", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin); // French UI; the outbox opens for admins
    await page.goto("/conversations?view=all");
    await page.getByTestId("conversation-row").first().locator("a[data-row-link]").click();
    await page.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    const customer = (await page.getByTestId("thread-title").textContent())!.trim();

    await page.getByTestId("conversation-menu").click();
    await page.getByRole("menuitem", { name: "Exporter en PDF" }).click();
    const dialog = page.getByTestId("export-dialog");
    await dialog.getByLabel("Inclure les notes internes").check();
    await dialog.getByTestId("export-submit").click();
    await dialog.locator("[data-testid=export-progress][data-status=ready]").waitFor({ timeout: 30_000 });
    await page.getByTestId("export-toast").waitFor();
    await snapshot(page, "conversation-export-ready");

    await page.goto("/dev/outbox");
    const email = page.getByTestId("outbox-email").filter({ hasText: `Conversation avec ${customer} (PDF)` }).first();
    await email.waitFor();
    const attachment = email.getByTestId("outbox-attachment");
    await expect(attachment.textContent()).resolves.toMatch(/conversation-.*\.pdf/);
    const response = await page.request.get((await attachment.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await context.close();
  });
});
