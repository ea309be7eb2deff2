import type { Browser } from "playwright-core";
import { baseUrl, DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const tag = `Api${Date.now().toString(36)}`;
const suffix = String(Date.now() % 10_000).padStart(4, "0");

/** As an integrator's system calls it: no browser, no cookie, only the key. */
function callApi(key: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": `${tag}-${path}-${init.method ?? "GET"}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe("the integration API", () => {
  it("admin creates a key in the UI; a request with it creates an appointment seen on /appointments; a revoked key is refused", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/company/teams");
    await page.getByRole("link", { name: "API", exact: true }).click();
    await page.waitForURL(/\/company\/api$/);

    await page.getByLabel("Nom").fill(`DMS ${tag}`);
    await page.getByRole("button", { name: "Créer la clé" }).click();
    const field = page.getByTestId("new-api-key");
    await field.waitFor();
    const key = await field.inputValue();
    expect(key).toMatch(/^pk_live_[A-Za-z0-9]{32}$/);
    await snapshot(page, "api-key-created");
    await page.getByRole("button", { name: "Terminé" }).last().click();
    const row = page.getByTestId("api-key").filter({ hasText: `DMS ${tag}` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(key.slice(0, 12));
    await expect(row.textContent()).resolves.not.toContain(key.slice(12));

    const day = new Date(Date.now() + 41 * 86_400_000).toISOString().slice(0, 10);
    const created = await callApi(key, "/appointments", {
      method: "POST",
      body: { external_id: `APT-${tag}`, customer: { mobile: `873 558 ${suffix}`, first_name: tag, last_name: "Intégration" }, start_at: `${day}T11:15:00-05:00`, type: `Entretien ${tag}`, duration_minutes: 30, advisor_external_id: "EMP-100" },
    });
    expect(created.status).toBe(201);
    const appointment = (await created.json()) as { id: string; status: string; advisor_user_id: string | null };
    expect(appointment.status).toBe("scheduled");
    // The demo's first user has the external id EMP-100 (shown and editable on the API page).
    expect(appointment.advisor_user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await callApi(key, `/appointments/${appointment.id}`)).status).toBe(200);

    await page.goto(`/appointments?day=${day}`);
    const listed = page.getByTestId("appointment-list").locator("li").filter({ hasText: `${tag} Intégration` });
    await listed.waitFor();
    await expect(listed.textContent()).resolves.toContain(`Entretien ${tag}`);

    // The reference page is linked from the keys page, and users' external ids are listed there.
    await page.goto("/company/api");
    await expect(page.getByTestId("user-external-id").locator("input[value='EMP-100']").count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "Référence de l'API" }).getAttribute("href")).resolves.toBe("/api/v1/docs");

    await page.getByTestId("api-key").filter({ hasText: `DMS ${tag}` }).getByRole("button", { name: `Révoquer DMS ${tag}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Révoquer" }).click();
    await page.getByTestId("api-key").filter({ hasText: `DMS ${tag}` }).getByText("Révoquée").waitFor();
    await snapshot(page, "api-keys-list");
    const refused = await fetch(`${baseUrl()}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    await context.close();
  });

  it("serves the reference page and the OpenAPI document without a CDN", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(baseUrl())) outside.push(request.url());
    });
    await page.goto("/api/v1/docs");
    await page.getByText("Parley Integration API").first().waitFor();
    await page.getByText("/customers/batch").first().waitFor();
    await snapshot(page, "api-reference");
    expect(outside).toEqual([]);
    await context.close();
  });

  it("lays the keys page out on a phone", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/company/api");
    await page.getByRole("button", { name: "Créer la clé" }).waitFor();
    await snapshot(page, "api-keys-phone");
    await context.close();
  });
});
