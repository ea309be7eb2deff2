import type { Browser } from "playwright-core";
import { DEMO, baseUrl, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("signing in and the app shell", () => {
  it("answers /api/health with the database driver and background engine", async () => {
    const response = await fetch(`${baseUrl()}/api/health`);
    expect(response.status).toBe(200);
    const health = await response.json();
    expect(health).toMatchObject({ status: "ok", database: { ok: true }, background: { engine: "in-process" } });
    expect(["pglite", "pg"]).toContain(health.database.driver);
  });

  it("sends a visitor to the sign-in page, which shows the demo logins in embedded mode only", async () => {
    const embedded = (await (await fetch(`${baseUrl()}/api/health`)).json()).database.driver === "pglite";
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/customers");
    await page.waitForURL(/\/sign-in/);
    await page.getByRole("heading", { name: "Sign in to Parley" }).waitFor();
    if (embedded) await expect(page.getByTestId("demo-logins").textContent()).resolves.toContain("admin@parley.test");
    else await expect(page.getByTestId("demo-logins").count()).resolves.toBe(0);
    await snapshot(page, "sign-in");
    await context.close();
  });

  it("shows a clear error on a wrong password", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.fill("#email", DEMO.agent);
    await page.fill("#password", "wrong-password1");
    await page.click("button[type=submit]");
    await page.getByRole("alert").filter({ hasText: "Email or password is incorrect." }).waitFor();
    expect(page.url()).toContain("/sign-in");
    await context.close();
  });

  it("signs the admin in to the shell with the demo data, switches language and signs out", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    // The admin's language is French.
    await page.getByRole("link", { name: /Clients/ }).waitFor();
    expect(Number(await page.getByTestId("nav-count-conversations").textContent())).toBeGreaterThan(0);
    // The demo's two active automations, and any a previous spec activated.
    expect(Number(await page.getByTestId("nav-count-automations").textContent())).toBeGreaterThanOrEqual(2);
    // The background engine is a technical detail: it sits in the settings, off the sidebar.
    expect(await page.getByTestId("engine-badge").count()).toBe(0);
    await snapshot(page, "shell-fr");

    await page.getByTestId("user-menu").click();
    await page.getByTestId("language-en").click();
    await page.getByRole("link", { name: /Customers/ }).waitFor();
    await expect(page.getByTestId("view-selector").textContent()).resolves.toBe("My conversations");

    await page.getByTestId("user-menu").click();
    await page.getByTestId("language-fr").click();
    await page.getByRole("link", { name: /Clients/ }).waitFor();

    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/sign-in/);
    await page.goto("/settings");
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });

  it("finds a customer from the search bar", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await page.getByRole("searchbox").fill("tremblay");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=tremblay/);
    await expect(page.locator("main li").first().textContent()).resolves.toMatch(/Tremblay/);
    await context.close();
  });

  it("works at phone width: the navigation opens from the menu button", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await page.getByRole("button", { name: "Open menu" }).click();
    await page.getByRole("dialog").getByRole("link", { name: /Customers/ }).click();
    await page.waitForURL(/\/customers/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Customers");
    await snapshot(page, "customers-phone");
    await context.close();
  });
});

describe("password recovery and account settings", () => {
  it("resets a forgotten password through the emailed link", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await page.fill("#email", "sophie@parley.test");
    await page.getByRole("button", { name: "Send reset instructions" }).click();
    await page.getByText("an email with a reset link is on its way").waitFor();

    // The mail outbox is a dev tool for a signed-in admin.
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);
    await admin.goto("/dev/outbox");
    const link = admin.getByTestId("outbox-email").first().locator("a[href*='/reset-password/']");
    const href = await link.getAttribute("href");
    await adminContext.close();
    await page.goto(new URL(href!).pathname);
    await page.fill("#password", "sophie2026");
    await page.fill("#confirmation", "sophie2026");
    await page.getByRole("button", { name: /nouveau mot de passe|new password/i }).click();
    await page.waitForURL(/\/sign-in\?reset=1/);
    await signIn(page, "sophie@parley.test", "sophie2026");

    // The link works once.
    await page.goto(new URL(href!).pathname);
    await page.getByText(/expiré|expired/).waitFor();
    await context.close();
  });

  it("turns away mode on from settings and shows the yellow banner", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await page.goto("/settings");
    await page.getByLabel("I'm away").check();
    await page.fill("#until", "2031-06-01T09:00");
    await page.locator("#away").getByRole("button", { name: "Save" }).click();
    await page.getByText("You are in away mode until").waitFor();
    await snapshot(page, "settings-away");
    await page.getByLabel("I'm away").uncheck();
    await page.locator("#away").getByRole("button", { name: "Save" }).click();
    await page.getByText("Away mode saved.").waitFor();
    await page.getByText("You are in away mode until").waitFor({ state: "detached" });
    await context.close();
  });
});
