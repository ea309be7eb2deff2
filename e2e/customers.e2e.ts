import type { Browser, Page } from "playwright-core";
import { stripeWebhookRequest } from "@/tests/fakes/stripe";
import { DEMO, launchBrowser, newContext, serverState, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const tag = Date.now().toString(36).slice(-5).toUpperCase();
// A number no demo customer has: 514 555-1xxx never appears in the seed's range.
const mobileDigits = `514777${String(Date.now() % 10_000).padStart(4, "0")}`;

const formatted = (digits: string) => `${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6)}`;

/** Adds a customer through the directory's dialog and lands on their profile. */
async function createCustomerFromDirectory(page: Page, { firstName, lastName, mobile }: { firstName: string; lastName: string; mobile: string }) {
  await page.goto("/customers");
  await page.getByTestId("new-customer").click();
  await page.fill("#new-firstName", firstName);
  await page.fill("#new-lastName", lastName);
  await page.fill("#new-mobile", mobile);
  await page.locator("form button[type=submit]").click();
}

/** The link the last outgoing text carried, as the customer's phone would open it. */
async function linkInLastMessage(page: Page, path: "pay" | "r") {
  const body = await page.locator('[data-testid=message][data-direction=outbound]').last().textContent();
  const match = new RegExp(`https?://[^\\s]+/${path}/[A-Za-z0-9_-]+`).exec(body ?? "");
  if (!match) throw new Error(`No /${path}/ link in: ${body}`);
  return new URL(match[0]).pathname;
}

describe("customers (CUST)", () => {
  it("creates a customer, finds them by part of their number, edits details, unsubscribes marketing and books an appointment", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);

    await createCustomerFromDirectory(page, { firstName: "Gisèle", lastName: `Test${tag}`, mobile: "514 12" });
    await page.getByRole("alert").filter({ hasText: /phone|numéro|number/i }).waitFor();
    await page.fill("#new-mobile", formatted(mobileDigits));
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await expect(page.getByTestId("customer-name").textContent()).resolves.toContain(`Gisèle Test${tag}`);

    // Found again from the directory by the last digits of the number.
    await page.goto("/customers");
    await page.getByTestId("customer-search").fill(mobileDigits.slice(-6));
    const row = page.getByTestId("customer-list").locator("a").filter({ hasText: `Test${tag}` });
    await row.waitFor();
    await expect(page.getByTestId("customer-list").locator("a").count()).resolves.toBe(1);
    await row.click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);

    // Typed attributes: a year must be a number; a good value is kept.
    await page.getByTestId("edit-customer").click();
    await page.fill("#attribute-vehicle_year", "vingt");
    await page.getByTestId("save-customer").click();
    await page.getByRole("alert").first().waitFor();
    await page.fill("#attribute-vehicle_year", "2021");
    await page.fill("#attribute-vehicle_model", `Civic ${tag}`);
    await page.getByTestId("save-customer").click();
    await page.getByTestId("attribute-vehicle_model").filter({ hasText: `Civic ${tag}` }).waitFor();
    await page.reload();
    await expect(page.getByTestId("attribute-vehicle_year").textContent()).resolves.toContain("2021");

    // Marketing off, general still on, and it stays that way.
    await page.locator("#subscription-marketing").uncheck();
    await page.waitForLoadState("networkidle");
    await page.reload();
    await expect(page.locator("#subscription-marketing").isChecked()).resolves.toBe(false);
    await expect(page.locator("#subscription-general").isChecked()).resolves.toBe(true);

    // An appointment, seen on the profile and in the day's list.
    await page.getByTestId("new-appointment").click();
    await page.fill("#appointment-type", `Pneus ${tag}`);
    const day = await page.locator("#appointment-date").inputValue();
    await page.fill("#appointment-time", "15:30");
    await page.getByTestId("save-appointment").click();
    // Saved once the dialog closes: navigating earlier would abandon the save.
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.goto(`${page.url()}?tab=appointments`);
    await page.getByTestId("profile-appointment").filter({ hasText: `Pneus ${tag}` }).waitFor();
    await snapshot(page, "customer-profile");

    await page.goto(`/appointments?day=${day}`);
    const booked = page.getByTestId("appointment-list").locator("li").filter({ hasText: `Pneus ${tag}` });
    await booked.waitFor();
    await expect(booked.textContent()).resolves.toContain("15:30");
    // CONV-10: an appointment without a conversation still lets staff text the customer.
    // A button while no conversation exists; a link once one does (another spec's automation may have texted them).
    await booked.locator("[data-testid=appointment-text-customer], [data-testid=appointment-conversation]").first().click();
    await page.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    await context.close();
  });

  it("requests a payment that the customer pays through Stripe, then a review they leave, all seen by the agent", async () => {
    const { stripeApiBase, stripeWebhookSecret, baseUrl } = serverState();
    // A made-up link is a 404, not a hint that something exists.
    for (const path of ["/pay/NotARealToken12345", "/r/NotARealToken12345"]) expect((await fetch(`${baseUrl}${path}`)).status).toBe(404);
    const agentContext = await newContext(browser);
    const agent = await agentContext.newPage();
    await signIn(agent, DEMO.agent);
    // Their own customer, so other specs' STOPs and closes cannot get in the way.
    await createCustomerFromDirectory(agent, { firstName: "Paul", lastName: `Payeur${tag}`, mobile: formatted(`514778${mobileDigits.slice(-4)}`) });
    await agent.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    const profile = new URL(agent.url()).pathname;
    await agent.getByTestId("message-customer").click();
    await agent.waitForURL(/\/conversations\/[0-9a-f-]{36}/);

    await agent.getByTestId("payment-request-button").click();
    // The default text greets the customer through a chip, never a raw token or a message key.
    const requestField = agent.getByTestId("request-message-field");
    await requestField.locator('[data-token="customer.first_name"]').waitFor();
    await expect(requestField.textContent()).resolves.not.toMatch(/[{}]|requestText/);
    await snapshot(agent, "payment-request-dialog");
    await agent.fill("#payment-amount", "125,50");
    await agent.fill("#payment-reference", `RO-${tag}`);
    await agent.getByTestId("send-payment-request").click();
    const card = agent.getByTestId("payment-card").filter({ hasText: `RO-${tag}` });
    await card.waitFor();
    await expect(card.getAttribute("data-status")).resolves.toBe("pending");
    await expect(card.textContent()).resolves.toContain("125.50");
    const payPath = await linkInLastMessage(agent, "pay");
    await expect(agent.locator("[data-testid=message][data-direction=outbound]").last().textContent()).resolves.toMatch(/(Hello|Bonjour) Paul, /);

    // The customer opens the link: it sends them to Stripe Checkout.
    const toCheckout = await fetch(`${baseUrl}${payPath}`, { redirect: "manual" });
    expect(toCheckout.status).toBe(307);
    const sessionId = /\/pay\/(cs_test_\w+)/.exec(toCheckout.headers.get("location") ?? "")![1]!;
    // They pay; Stripe tells us, signed. A badly signed copy changes nothing.
    expect((await fetch(`${stripeApiBase}/__fake/checkout/sessions/${sessionId}/pay`, { method: "POST", headers: { authorization: "Bearer sk_test_e2e" } })).status).toBe(200);
    const event = { id: `evt_${tag}`, type: "checkout.session.completed", sessionId };
    expect((await fetch(stripeWebhookRequest(`${baseUrl}/api/webhooks/stripe`, event, { secret: "whsec_wrong" }))).status).toBe(400);
    expect((await fetch(stripeWebhookRequest(`${baseUrl}/api/webhooks/stripe`, event, { secret: stripeWebhookSecret }))).status).toBe(200);

    // The agent's card turns paid without a reload; the customer's link now shows the receipt.
    await agent.locator('[data-testid=payment-card][data-status=paid]').filter({ hasText: `RO-${tag}` }).waitFor({ timeout: 10_000 });
    await card.getByTestId("receipt-link").waitFor();
    const customerContext = await newContext(browser, { width: 390, height: 844 });
    const phone = await customerContext.newPage();
    await phone.goto(payPath);
    await phone.getByRole("link", { name: /receipt|reçu/i }).waitFor();

    // A review request; the customer gives five stars and a comment.
    await agent.getByTestId("review-request-button").click();
    await agent.getByTestId("send-review-request").click();
    await agent.getByTestId("message").filter({ hasText: "/r/" }).last().waitFor();
    const reviewPath = await linkInLastMessage(agent, "r");
    await phone.goto(reviewPath);
    await phone.getByRole("radio").nth(4).click();
    await phone.fill("#review-comment", `Excellent service ${tag}`);
    await phone.getByRole("button", { name: /send|envoyer/i }).click();
    await phone.getByTestId("review-thanks").waitFor();
    await expect(phone.getByTestId("review-thanks").getByRole("link").first().getAttribute("href")).resolves.toContain("g.page");
    await snapshot(phone, "review-thanks");

    // On the customer's profile: the review, and the paid invoice.
    await expect(agent.getByTestId("open-profile").getAttribute("href")).resolves.toBe(profile);
    await agent.goto(`${profile}?tab=reviews`);
    const review = agent.getByTestId("profile-review").filter({ hasText: `Excellent service ${tag}` });
    await review.waitFor();
    await agent.goto(`${profile}?tab=invoices`);
    await agent.getByTestId("profile-invoice").filter({ hasText: `RO-${tag}` }).getByTestId("invoice-status").filter({ hasText: /paid|payé/i }).waitFor();
    await customerContext.close();
    await agentContext.close();
  });

  it("lets an admin list the public review pages offered to happy customers, https only", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/company/reviews");
    const form = page.getByTestId("review-links-form");
    await form.getByRole("button", { name: "Ajouter une page" }).click();
    await form.getByLabel("Nom").last().fill("Facebook");
    await form.getByLabel("Adresse (https://…)").last().fill("http://facebook.com/beaulieu");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByText("Entrez une adresse https:// complète.").waitFor();
    await form.getByLabel("Adresse (https://…)").last().fill(`https://facebook.com/beaulieu-${tag}`);
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByRole("status").filter({ hasText: "Paramètres enregistrés." }).waitFor();
    await page.reload();
    await expect(form.getByLabel("Adresse (https://…)").last().inputValue()).resolves.toBe(`https://facebook.com/beaulieu-${tag}`);
    await context.close();
  });
});
