import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const tag = `Imp${Date.now().toString(36)}`;
const suffix = String(Date.now() % 10_000).padStart(4, "0");

describe("importing customers and their appointments from a file", () => {
  it("admin uploads a CSV, maps it, watches it complete, downloads the errors and finds the new customer", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/customers");
    await page.getByRole("link", { name: "Importer" }).click();
    await page.waitForURL(/\/customers\/import$/);
    await snapshot(page, "imports-upload");

    const csv = [
      "Prénom,Nom,Cellulaire,Courriel,Notes",
      `${tag},Bouchard,873 555 ${suffix},${tag.toLowerCase()}@example.com,VIP`,
      `Erreur,Numéro,555-12,,`,
      `${tag}b,Gagné,(873) 556-${suffix},,`,
    ].join("\n");
    await page.getByTestId("import-file").setInputFiles({ name: `clients-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.waitForURL(/\/customers\/import\/[0-9a-f-]{36}$/);

    // The mapping screen proposes a field for each recognised column, with sample values.
    await page.getByTestId("mapping-column").first().waitFor();
    await expect(page.getByTestId("mapping-column").count()).resolves.toBe(5);
    await expect(page.getByTestId("mapping-select-0").inputValue()).resolves.toBe("firstName");
    await expect(page.getByTestId("mapping-select-2").inputValue()).resolves.toBe("mobile");
    await expect(page.getByTestId("mapping-select-4").inputValue()).resolves.toBe("");
    await expect(page.getByTestId("mapping-columns").textContent()).resolves.toContain(`873 555 ${suffix}`);
    await snapshot(page, "imports-mapping");

    await page.getByTestId("start-import").click();
    await page.locator("[data-testid=import-progress][data-status=completed]").waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("import-created").textContent()).resolves.toBe("2");
    await expect(page.getByTestId("import-errors").textContent()).resolves.toBe("1");
    await expect(page.getByRole("progressbar").getAttribute("aria-valuenow")).resolves.toBe("100");
    await snapshot(page, "imports-summary");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-errors").click()]);
    expect(download.suggestedFilename()).toBe(`clients-${tag}-errors.csv`);
    const report = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
    expect(report.split(/\r?\n/)[0]).toBe("Ligne,Colonne,Valeur,Raison");
    expect(report).toContain("3,Cellulaire,555-12,");

    // The completed import is listed, and the customer can be found.
    await page.goto("/customers/import");
    await page.getByTestId("recent-imports").filter({ hasText: `clients-${tag}.csv` }).waitFor();
    await page.goto(`/customers?q=${tag}b`);
    await page.getByTestId("customer-list").filter({ hasText: `${tag}b Gagné` }).waitFor();
    await page.goto(`/customers?q=873555${suffix}`);
    await page.getByTestId("customer-list").filter({ hasText: `${tag} Bouchard` }).waitFor();
    await context.close();
  });

  it("admin imports a file of appointments that then shows on the appointments page of its day", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/customers/import");
    const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const csv = ["Cellulaire,Client,Date du rendez-vous,Heure,Durée,Type de rendez-vous", `873 557 ${suffix},${tag}c Rdv,${day},10h30,45,Essai ${tag}`].join("\n");
    await page.getByTestId("import-file").setInputFiles({ name: `rdv-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.waitForURL(/\/customers\/import\/[0-9a-f-]{36}$/);

    // The file is recognised as appointments; switching the kind re-proposes the columns.
    await page.getByTestId("mapping-column").first().waitFor();
    await expect(page.getByTestId("import-kind-appointments").isChecked()).resolves.toBe(true);
    await expect(page.getByTestId("mapping-select-2").inputValue()).resolves.toBe("appointmentDate");
    await page.getByText("Des clients", { exact: true }).click();
    await expect(page.getByTestId("mapping-select-2").inputValue()).resolves.toBe("");
    await page.getByText("Des rendez-vous", { exact: true }).click();
    await expect(page.getByTestId("mapping-select-3").inputValue()).resolves.toBe("appointmentTime");
    await snapshot(page, "imports-mapping-appointments");

    await page.getByTestId("start-import").click();
    await page.locator("[data-testid=import-progress][data-status=completed]").waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("import-created").textContent()).resolves.toBe("1");
    await expect(page.getByTestId("import-errors").textContent()).resolves.toBe("0");

    await page.goto(`/appointments?day=${day}`);
    const row = page.getByTestId("appointment-list").locator("li").filter({ hasText: `${tag}c Rdv` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(new RegExp(`10:30.*45.*Essai ${tag}`));
    await context.close();
  });

  it("tells an agent that imports are for administrators", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await page.goto("/customers/import");
    await page.getByTestId("import-forbidden").getByText("Only administrators can import customers").waitFor();
    const response = await page.request.post("/api/imports", { multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("Mobile\n5145550101\n") } } });
    expect(response.status()).toBe(403);
    await context.close();
  });
});
