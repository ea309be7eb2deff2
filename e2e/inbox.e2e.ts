import type { Browser, Page } from "playwright-core";
import { DEMO_SENDER_NUMBER } from "@/db/seed/demo-logins";
import { baseUrl, DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";
import { inboundText } from "./vonage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const tag = `E2E${Date.now().toString(36)}`;

async function textFromPhone(phone: Page, text: string) {
  await phone.getByTestId("phone-input").fill(text);
  await phone.getByTestId("phone-send").click();
  await phone.getByTestId("phone-message").filter({ hasText: text }).waitFor();
}

describe("the SMS loop through the inbox", () => {
  it("customer texts, agent replies, the phone shows it, answers arrive live; assign, close, search", async () => {
    const phoneContext = await newContext(browser, { width: 1100, height: 900 });
    const phone = await phoneContext.newPage();
    await signIn(phone, DEMO.admin); // the simulator is a dev tool for a signed-in user
    const agentContext = await newContext(browser);
    const agent = await agentContext.newPage();

    await signIn(agent, DEMO.agent);
    await agent.goto("/conversations?view=all");
    await agent.getByTestId("conversation-list").waitFor();

    // The customer picks up their phone and texts the dealership.
    await phone.goto("/dev/phone?q=Gagnon");
    await phone.getByTestId("simulator-customers").locator("a").first().click();
    await phone.waitForURL(/customer=/);
    await textFromPhone(phone, `Bonjour, est-ce que ma voiture est prête? ${tag}`);

    // It appears in the agent's inbox without a reload.
    const row = agent.getByTestId("conversation-row").filter({ hasText: tag });
    await row.waitFor({ timeout: 10_000 });
    await row.locator("a[data-row-link]").click();
    await agent.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    await agent.getByTestId("message").filter({ hasText: tag }).waitFor();
    await snapshot(agent, "inbox-thread");

    // The agent replies; the counter counts, the message is delivered and reaches the phone.
    await agent.keyboard.press("r");
    await agent.keyboard.type(`Oui, elle est prete ${tag}-reply`);
    await expect(agent.getByTestId("segment-counter").textContent()).resolves.toContain("GSM-7");
    await agent.getByTestId("send-reply").click();
    await agent.locator('[data-testid=message][data-status=delivered]').filter({ hasText: `${tag}-reply` }).waitFor();
    await phone.getByTestId("phone-message").filter({ hasText: `${tag}-reply` }).waitFor({ timeout: 10_000 });

    // The customer answers; it shows up live in the open thread.
    await textFromPhone(phone, `Merci beaucoup ${tag}-thanks`);
    await agent.getByTestId("message").filter({ hasText: `${tag}-thanks` }).waitFor({ timeout: 10_000 });

    // Assign to a teammate, who sees it red and unread (via Sophie, in case it was already the admin's).
    await agent.getByTestId("assign-menu").click();
    await agent.getByRole("menuitem", { name: "Sophie Lavoie" }).click();
    await agent.getByTestId("assignment-line").filter({ hasText: "Sophie Lavoie" }).last().waitFor();
    await agent.getByTestId("assign-menu").click();
    await agent.getByRole("menuitem", { name: "Marie-Claude Tremblay" }).click();
    await agent.getByTestId("assignment-line").filter({ hasText: "Marie-Claude Tremblay" }).last().waitFor();
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);
    const adminsRow = admin.getByTestId("conversation-row").filter({ hasText: `${tag}-thanks` });
    await adminsRow.waitFor();
    await expect(adminsRow.getAttribute("data-unread")).resolves.toBe("true");
    await admin.waitForFunction(() => /^\(\d+\) Conversations/.test(document.title));
    await admin.getByTestId("notification-bell").click();
    // Newest first; another spec may have assigned the admin a conversation before.
    await admin.getByRole("menuitem", { name: /Une conversation vous a été assignée/ }).first().waitFor();
    await admin.keyboard.press("Escape");
    await snapshot(admin, "inbox-admin-unread");

    // The agent closes it; the search bar still finds it.
    await agent.getByTestId("toggle-status").click();
    await agent.getByTestId("toggle-status").filter({ hasText: "Reopen" }).waitFor();
    await agent.getByRole("searchbox").fill(`${tag}-thanks`);
    await agent.keyboard.press("Enter");
    await agent.waitForURL(/\/search\?q=/);
    const found = agent.getByTestId("results-messages").getByRole("link").first();
    await found.click();
    await agent.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    await agent.getByTestId("thread-title").waitFor();
    await expect(agent.getByTestId("toggle-status").textContent()).resolves.toContain("Reopen");

    await Promise.all([phoneContext.close(), agentContext.close(), adminContext.close()]);
  });

  it("blocks the composer for a customer who texted STOP, and shows it", async () => {
    const phoneContext = await newContext(browser);
    const phone = await phoneContext.newPage();
    await signIn(phone, DEMO.admin);
    await phone.goto("/dev/phone?q=Roy");
    await phone.getByTestId("simulator-customers").locator("a").first().click();
    await phone.waitForURL(/customer=/);
    await textFromPhone(phone, "STOP");
    await phone.getByTestId("phone-message").filter({ hasText: /désabonné|unsubscribed/ }).waitFor({ timeout: 10_000 });

    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await page.goto("/conversations?view=all");
    await page.getByTestId("conversation-row").filter({ hasText: /désabonné|unsubscribed/ }).first().locator("a[data-row-link]").click();
    await page.getByTestId("composer-blocked").filter({ hasText: "texted STOP" }).waitFor();
    await Promise.all([phoneContext.close(), context.close()]);
  });

  it("filters, pages with the keyboard and lists shortcuts on a phone-sized screen too", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await page.goto("/conversations?view=all&flags=unanswered");
    await expect(page.getByRole("button", { name: "Unanswered" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    // One pane at a time: the thread, with a way back.
    await page.getByRole("link", { name: "Back to the list" }).waitFor();
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await snapshot(page, "inbox-phone");
    await context.close();
  });
});

describe("a long conversation", () => {
  it("opens at its newest 50 messages, loads earlier ones on demand, and still appends new ones live", async () => {
    const from = `1438666${String(Date.now() % 10_000).padStart(4, "0")}`;
    const long = `${tag}-long`;
    // One at a time, so that they are stored in order.
    for (let i = 1; i <= 55; i++) await inboundText(baseUrl(), { to: DEMO_SENDER_NUMBER, from, text: `${long} n°${i}` });

    for (const width of [1280, 390]) {
      const context = await newContext(browser, { width, height: 800 });
      const page = await context.newPage();
      await signIn(page, DEMO.admin);
      await page.goto("/conversations?view=all");
      const row = page.getByTestId("conversation-row").filter({ hasText: long });
      await row.waitFor({ timeout: 20_000 });
      await row.locator("a[data-row-link]").click();
      const messages = page.getByTestId("message");
      await messages.filter({ hasText: `${long} n°55` }).waitFor({ timeout: 20_000 });
      await expect(messages.count()).resolves.toBe(50);
      await expect(messages.first().textContent()).resolves.toContain(`${long} n°6`);
      await page.getByTestId("load-earlier").scrollIntoViewIfNeeded();
      await snapshot(page, `thread-load-earlier-${width}`);

      await page.getByTestId("load-earlier").click();
      await page.getByTestId("load-earlier").waitFor({ state: "detached" });
      await expect(messages.count()).resolves.toBe(55);
      await expect(page.url()).toMatch(/messages=100/);
      await context.close();
    }

    // Opened again, a new text arrives without a reload, below the newest 50.
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/conversations?view=all");
    await page.getByTestId("conversation-row").filter({ hasText: long }).locator("a[data-row-link]").click();
    const messages = page.getByTestId("message");
    await messages.filter({ hasText: `${long} n°55` }).waitFor({ timeout: 20_000 });
    await inboundText(baseUrl(), { to: DEMO_SENDER_NUMBER, from, text: `${long} n°56` });
    await messages.filter({ hasText: `${long} n°56` }).waitFor({ timeout: 15_000 });
    await expect(messages.last().textContent()).resolves.toContain(`${long} n°56`);
    await expect(page.getByTestId("load-earlier").count()).resolves.toBe(1);
    await context.close();
  });
});

describe("company settings", () => {
  it("lets the admin create a team with members and change conversation settings", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.getByRole("link", { name: /Entreprise/ }).click();
    await page.waitForURL(/\/company\/teams/);
    await page.getByLabel("Nom de l'équipe").fill(`Carrosserie ${tag}`);
    await page.getByRole("button", { name: "Créer l'équipe" }).click();
    const card = page.getByTestId("team-card").filter({ hasText: `Carrosserie ${tag}` });
    await card.waitFor();
    await card.getByLabel("Alex Martin").click();
    await card.getByText("1 membre").waitFor();

    await page.getByRole("link", { name: "Conversations", exact: true }).last().click();
    await page.waitForURL(/\/company\/conversations/);
    // Auto-close would close the demo's older conversations under the other specs' feet;
    // the sweep itself is proven by the integration tests.
    await expect(page.locator("#autoCloseDays option").count()).resolves.toBe(16);
    await page.fill("#unansweredAfterHours", "6");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Paramètres enregistrés.").waitFor();
    await snapshot(page, "company-settings");
    await context.close();
  });

  it("is not available to agents", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    const response = await page.goto("/company/teams");
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
