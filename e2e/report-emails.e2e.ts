import type { Browser, Locator } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** An outbox email's HTML opened on its own, as a mail client 1280 and 390 px wide would show it. */
async function snapshotEmail(email: Locator, name: string) {
  const html = await email.locator("iframe").getAttribute("srcdoc");
  for (const width of [1280, 390]) {
    const context = await newContext(browser, { width, height: 900 });
    const page = await context.newPage();
    await page.setContent(html!);
    // The per-user table fits a phone: nothing wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await snapshot(page, `${name}-${width}`);
    await context.close();
  }
}

describe("report emails", () => {
  it("an admin sends the report emails from the outbox and reads the weekly one there, in French", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin); // French UI
    await page.goto("/dev/outbox");
    await page.getByRole("button", { name: "Envoyer les courriels de rapports" }).click();
    await page.getByRole("status").getByText(/^Envoyés :/).waitFor();

    // Sent now, or already by the sweep when the server started (a Monday 07:00 has passed this week).
    const weekly = page.getByTestId("outbox-email").filter({ hasText: "votre semaine du" }).filter({ hasText: DEMO.admin }).first();
    await weekly.waitFor();
    const text = await weekly.locator("pre").innerText();
    for (const words of ["Chiffres clés", "Conversations ouvertes", "Semaine précédente", "Première réponse (médiane)", "Paiements encaissés", "Par utilisateur", "Ouvrir le tableau de bord"]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/[↑↓=]/);
    await snapshotEmail(weekly, "email-weekly-progress");

    const deposits = page.getByTestId("outbox-email").filter({ hasText: "dépôts du" }).filter({ hasText: DEMO.admin }).first();
    if (await deposits.count()) await snapshotEmail(deposits, "email-daily-deposits");
    await context.close();
  });

  it("an admin sets business hours in company settings", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/company/conversations");
    const form = page.getByTestId("business-hours-form");
    await form.getByLabel("Ne compter que les heures d’ouverture dans les temps de réponse").check();
    await form.getByTestId("business-day-6").getByLabel("Samedi").check();
    await form.getByLabel("Samedi : fermeture à").fill("12:00");
    await form.getByLabel("Lundi : fermeture à").fill("08:00");
    await form.getByRole("button", { name: "Enregistrer les heures" }).click();
    await form.getByText("L’heure de fermeture doit suivre l’heure d’ouverture.").waitFor();
    await form.getByLabel("Lundi : fermeture à").fill("17:30");
    await form.getByRole("button", { name: "Enregistrer les heures" }).click();
    await form.getByText("Heures d’ouverture enregistrées.").waitFor();
    await snapshot(page, "business-hours-1280");

    await page.reload();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("business-hours-form").getByLabel("Samedi : fermeture à").waitFor();
    expect(await page.getByTestId("business-hours-form").getByLabel("Lundi : fermeture à").inputValue()).toBe("17:30");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snapshot(page, "business-hours-390");
    await context.close();
  });

  it("an admin turns the weekly progress email off for the whole company, and back on", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/company/conversations");
    const form = page.getByTestId("weekly-report-form");
    const enabled = form.getByLabel("Envoyer le courriel de progression hebdomadaire à l’équipe");
    expect(await enabled.isChecked()).toBe(true);
    await enabled.uncheck();
    await form.getByRole("button", { name: "Enregistrer le courriel hebdomadaire" }).click();
    await form.getByText("Courriel de progression hebdomadaire enregistré.").waitFor();
    await page.reload();
    await page.getByTestId("weekly-report-form").waitFor();
    expect(await page.getByTestId("weekly-report-form").getByLabel("Envoyer le courriel de progression hebdomadaire à l’équipe").isChecked()).toBe(false);
    await page.getByTestId("weekly-report-form").scrollIntoViewIfNeeded();
    await snapshot(page, "weekly-report-1280");

    // Back on, as the other specs expect it.
    await page.getByTestId("weekly-report-form").getByLabel("Envoyer le courriel de progression hebdomadaire à l’équipe").check();
    await page.getByTestId("weekly-report-form").getByRole("button", { name: "Enregistrer le courriel hebdomadaire" }).click();
    await page.getByTestId("weekly-report-form").getByText("Courriel de progression hebdomadaire enregistré.").waitFor();
    await context.close();
  });
});
