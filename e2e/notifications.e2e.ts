import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The outbox lists what was sent; the digest goes out in the background, so look again until it is there. */
async function outboxEmail(admin: Page, to: string, text: string) {
  for (let attempt = 0; ; attempt++) {
    await admin.goto("/dev/outbox");
    const mail = admin.getByTestId("outbox-email").filter({ hasText: to }).filter({ hasText: text }).first();
    if ((await mail.count()) > 0 || attempt >= 20) return mail;
    await admin.waitForTimeout(1000);
  }
}

/** The bell's menu floats over the page: a screenshot of the screen, not the whole page. */
async function screen(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

describe("notifications (USER-5)", () => {
  it("an invited agent sets a photo and a signature, turns email on for assignments, and is emailed when the admin assigns them", async () => {
    const stamp = Date.now();
    const email = `notified-${stamp}@garage.test`;
    const name = `Zoé Gagnon ${stamp % 10_000}`;
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);
    await admin.goto("/company/users");
    await admin.getByRole("button", { name: "Inviter" }).click();
    await admin.fill("#invite-email", email);
    await admin.selectOption("#invite-language", "en");
    await admin.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await admin.getByText(`Invitation envoyée à ${email}.`).waitFor();
    const invitation = await outboxEmail(admin, email, "invites you to");
    const link = await invitation.locator("a[href*='/invite/']").first().getAttribute("href");

    const agentContext = await newContext(browser);
    const agent = await agentContext.newPage();
    await agent.goto(new URL(link!).pathname);
    await agent.fill("#name", name);
    await agent.fill("#password", "voiture22");
    await agent.fill("#confirmation", "voiture22");
    await agent.getByRole("button", { name: "Join" }).click();
    await agent.waitForURL(/\/conversations/, { timeout: 45_000 });

    await agent.goto("/settings");
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#0f766e" } }).png().toBuffer();
    await agent.getByTestId("photo-input").setInputFiles({ name: "zoe.png", mimeType: "image/png", buffer: photo });
    await agent.getByTestId("user-menu").locator("img").waitFor();
    await agent.fill("#signature-text", "Zoé, Garage Lavoie");
    await agent.getByTestId("signature-form").getByRole("button", { name: "Save" }).click();
    await agent.getByText("Signature saved.").waitFor();

    // The matrix: off by default for email, on for the bell; Space ticks a focused box.
    const assignedEmail = agent.getByRole("checkbox", { name: "Assigned conversations: Email" });
    await expect(assignedEmail.isChecked()).resolves.toBe(false);
    await expect(agent.getByRole("checkbox", { name: "Assigned conversations: Web" }).isChecked()).resolves.toBe(true);
    await assignedEmail.focus();
    await agent.keyboard.press("Space");
    await expect(assignedEmail.isChecked()).resolves.toBe(true);
    await agent.getByTestId("notification-matrix-save").click();
    await agent.getByText("Notification settings saved.").waitFor();
    await agent.reload();
    await expect(agent.getByRole("checkbox", { name: "Assigned conversations: Email" }).isChecked()).resolves.toBe(true);
    await agent.locator("#notifications").scrollIntoViewIfNeeded();
    await snapshot(agent, "notifications-matrix-1280");

    // The admin assigns them a conversation.
    await admin.goto("/conversations");
    await admin.getByTestId("conversation-row").first().click();
    await admin.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    const customer = (await admin.getByTestId("thread-title").textContent())!.trim();
    await admin.getByTestId("assign-menu").click();
    await admin.getByRole("menuitem", { name }).click();
    await admin.getByTestId("assignment-line").filter({ hasText: name }).last().waitFor();

    const mail = await outboxEmail(admin, email, "A conversation was assigned to you");
    await mail.waitFor();
    await mail.getByText(customer).first().waitFor();
    await mail.getByTestId("outbox-headers").getByText("List-Unsubscribe=One-Click").waitFor();
    await snapshot(admin, "notifications-outbox-1280");
    const headers = (await mail.getByTestId("outbox-headers").textContent())!;
    const unsubscribe = /<(http[^>]+)>/.exec(headers)![1]!;

    // Under the bell too, naming the customer; opening it reads it.
    await agent.goto("/conversations");
    await agent.getByTestId("notification-count").waitFor();
    await agent.getByTestId("notification-bell").click();
    const item = agent.getByRole("menuitem", { name: /A conversation was assigned to you/ }).first();
    await item.getByText(customer).waitFor();
    await screen(agent, "notifications-bell-1280");
    await item.click();
    await agent.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    await agent.getByTestId("notification-count").waitFor({ state: "detached" });

    // One click from the mail client, signed in or not (RFC 8058), turns those emails off.
    const stranger = await newContext(browser);
    const asked = await stranger.newPage();
    await asked.goto(new URL(unsubscribe).pathname + new URL(unsubscribe).search);
    await asked.getByRole("button", { name: "Stop these emails" }).click();
    await asked.getByText("Done: no more emails for Conversations.").waitFor();
    await stranger.close();
    await agent.goto("/settings");
    await expect(agent.getByRole("checkbox", { name: "Assigned conversations: Email" }).isChecked()).resolves.toBe(false);
    await expect(agent.getByRole("checkbox", { name: "Assigned conversations: Web" }).isChecked()).resolves.toBe(true);

    // An administrator (French) also has the reports and integrations rows.
    await admin.goto("/settings#notifications");
    await admin.getByTestId("notification-category-reports").getByText("Rapport hebdomadaire pour gestionnaire").waitFor();
    await expect(admin.getByRole("checkbox", { name: "Rapport hebdomadaire pour gestionnaire : Courriel" }).isChecked()).resolves.toBe(true);
    await admin.getByTestId("notification-category-reports").scrollIntoViewIfNeeded();
    await screen(admin, "notifications-matrix-admin-fr-1280");

    const phoneContext = await newContext(browser, { width: 390, height: 844 });
    const phone = await phoneContext.newPage();
    await signIn(phone, email, "voiture22");
    await phone.goto("/settings#notifications");
    await phone.getByTestId("notification-matrix").waitFor();
    await phone.locator("#notifications").scrollIntoViewIfNeeded();
    await snapshot(phone, "notifications-matrix-390");
    await phone.goto("/conversations");
    await phone.getByTestId("notification-bell").click();
    await phone.getByRole("menuitem", { name: /A conversation was assigned to you/ }).first().waitFor();
    await screen(phone, "notifications-bell-390");

    await Promise.all([adminContext.close(), agentContext.close(), phoneContext.close()]);
  }, 240_000);
});
