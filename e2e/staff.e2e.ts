import type { Browser } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("staff", () => {
  it("an admin invites an agent, who joins through the emailed link; deactivating them signs them out", async () => {
    const email = `new-agent-${Date.now()}@garage.test`;
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);

    // The admin's interface is French.
    await admin.goto("/company/users");
    await admin.getByTestId("staff-member").first().waitFor();
    await admin.getByRole("button", { name: "Inviter" }).click();
    await admin.fill("#invite-email", email);
    await admin.selectOption("#invite-language", "en");
    await admin.getByRole("checkbox", { name: "Gérer les campagnes" }).check();
    await admin.getByRole("checkbox", { name: "Voir les rapports" }).check();
    await admin.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await admin.getByText(`Invitation envoyée à ${email}.`).waitFor();
    await admin.getByTestId("staff-invitation").filter({ hasText: email }).waitFor();
    await snapshot(admin, "staff-1280");

    await admin.goto("/dev/outbox");
    const mail = admin.getByTestId("outbox-email").filter({ hasText: email }).first();
    await mail.getByText("invites you to").first().waitFor();
    const link = await mail.locator("a[href*='/invite/']").first().getAttribute("href");
    expect(link).toBeTruthy();

    const agentContext = await newContext(browser, { width: 390, height: 844 });
    const agent = await agentContext.newPage();
    await agent.goto(new URL(link!).pathname);
    await agent.getByRole("heading", { name: /Join/ }).waitFor();
    await agent.fill("#name", "Nadia Roy");
    await agent.fill("#password", "voiture22");
    await agent.fill("#confirmation", "voiture22");
    await snapshot(agent, "staff-invite-390");
    await agent.getByRole("button", { name: "Join" }).click();
    await agent.waitForURL(/\/conversations/, { timeout: 45_000 }).catch(async (error: unknown) => {
      console.error("[staff e2e] after Join:", agent.url(), await agent.locator("main, body").first().innerText());
      throw error;
    });

    // The link worked once.
    const again = await agentContext.newPage();
    await again.goto(new URL(link!).pathname);
    await again.getByText("This invitation was already used.").waitFor();
    await again.close();

    // Granted "see reports", this agent reads the dashboard.
    await agent.goto("/reports");
    await agent.getByTestId("report-card-messagesIn").waitFor();

    // An agent does not see the staff screen.
    const forbidden = await agent.goto("/company/users");
    expect(forbidden?.status()).toBe(404);

    await admin.goto("/company/users");
    const row = admin.getByTestId("staff-member").filter({ hasText: email });
    await row.getByText("Gérer les campagnes").waitFor();
    await row.getByRole("button", { name: "Modifier Nadia Roy" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.locator("select[name=handover]").selectOption({ index: 1 });
    await dialog.getByRole("button", { name: "Désactiver Nadia Roy" }).click();
    await admin.getByText(/Nadia Roy est désactivé/).waitFor();
    await row.getByText("Désactivé").waitFor();

    // Their session ended at once.
    await agent.goto("/conversations");
    await agent.waitForURL(/\/sign-in/);

    const phoneContext = await newContext(browser, { width: 390, height: 844 });
    const phone = await phoneContext.newPage();
    await signIn(phone, DEMO.admin);
    await phone.goto("/company/users");
    await phone.getByTestId("staff-member").first().waitFor();
    await snapshot(phone, "staff-390");

    await Promise.all([adminContext.close(), agentContext.close(), phoneContext.close()]);
  }, 180_000);
});
