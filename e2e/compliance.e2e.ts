import type { Browser, Page } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function textFromPhone(phone: Page, text: string) {
  await phone.getByTestId("phone-input").fill(text);
  await phone.getByTestId("phone-send").click();
  await phone.getByTestId("phone-message").filter({ hasText: text }).waitFor();
}

describe("opt-out requests in the customer's own words", () => {
  it("flags an ambiguous text on the thread; staff unsubscribe in one click, and the profile keeps the proof", async () => {
    const phoneContext = await newContext(browser, { width: 1100, height: 900 });
    const phone = await phoneContext.newPage();
    await signIn(phone, DEMO.admin);
    const staffContext = await newContext(browser, { width: 1440, height: 900 });
    const staff = await staffContext.newPage();
    await signIn(staff, DEMO.admin); // a French-speaking admin

    await phone.goto("/dev/phone?q=Morin");
    await phone.getByTestId("simulator-customers").locator("a").first().click();
    await phone.waitForURL(/customer=/);
    const words = `Please stop texting me at work ${Date.now().toString(36)}`;
    await textFromPhone(phone, words);

    await staff.goto("/conversations?view=all");
    const row = staff.getByTestId("conversation-row").filter({ hasText: words });
    await row.waitFor({ timeout: 10_000 });
    await row.locator("a[data-row-link]").click();
    await staff.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    await staff.getByText("Ceci pourrait être une demande de désabonnement").waitFor();
    await snapshot(staff, "opt-out-hint");

    await staff.getByRole("button", { name: "Désabonner le client" }).click();
    await staff.getByText("Le client est désabonné et a reçu une confirmation.").waitFor();
    // The confirmation reaches the customer's phone.
    await phone.getByTestId("phone-message").filter({ hasText: /unsubscribed|désabonné/ }).waitFor({ timeout: 10_000 });

    await staff.reload();
    await staff.getByTestId("opted-out-badge").first().waitFor({ state: "attached" });
    // Every badge says what happened: staff unsubscribed them, the customer never texted STOP.
    await expect(staff.getByTestId("opted-out-badge").first().textContent()).resolves.toMatch(/^Désabonné par Marie-Claude Tremblay le /);
    await expect(staff.getByTestId("composer-blocked").textContent()).resolves.toContain("Un membre de l’équipe a désabonné ce client à sa demande");
    await staff.goto((await staff.getByTestId("open-profile").first().getAttribute("href"))!);
    await expect(staff.getByTestId("opted-out-badge").textContent()).resolves.toBe("Désabonné par l’équipe");
    await expect(staff.getByTestId("stopped-explanation").textContent()).resolves.toMatch(/^Marie-Claude Tremblay a désabonné ce client le /);
    // They receive nothing, so no subscription box looks ticked.
    for (const box of ["#subscription-all", "#subscription-general", "#subscription-marketing"]) await expect(staff.locator(box).isChecked()).resolves.toBe(false);
    const history = staff.getByRole("list", { name: "Historique du consentement" });
    await history.getByText("Désabonnement").first().waitFor();
    await history.getByText(words).waitFor();
    await snapshot(staff, "consent-history");
    const mobile = await browser.newContext({ baseURL: staffContext.pages()[0]!.url(), viewport: { width: 390, height: 844 }, storageState: await staffContext.storageState() });
    const small = await mobile.newPage();
    await small.goto(staff.url());
    await small.getByRole("list", { name: "Historique du consentement" }).waitFor();
    await snapshot(small, "consent-history-phone");
    await mobile.close();

    await phoneContext.close();
    await staffContext.close();
  });
});
