import type { Browser, Page } from "playwright-core";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

// A 1×1 PNG: what a phone photo looks like to the upload checks.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c636000000000050001a5f645400000000049454e44ae426082",
  "hex",
);

/** Picks a customer in the phone simulator and returns their name as the phone shows it. */
async function pickOnPhone(phone: Page, lastName: string) {
  // The simulator is a dev tool for a signed-in user.
  if (!phone.url().startsWith("http")) await signIn(phone, DEMO.admin);
  await phone.goto(`/dev/phone?q=${lastName}`);
  const first = phone.getByTestId("simulator-customers").locator("a").first();
  const name = (await first.locator("span.font-medium").textContent())!.trim();
  await first.click();
  await phone.waitForURL(/customer=/);
  return name;
}

async function openConversationWith(page: Page, name: string) {
  await page.getByTestId("new-message").click();
  await page.getByTestId("new-message-search").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: new RegExp(name) }).first().click();
  await page.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
  await page.getByTestId("thread-title").filter({ hasText: name }).waitFor();
}

describe("the message editor", () => {
  it("inserts a saved reply with a fallback attribute, attaches a photo, and the customer's phone gets both", async () => {
    const phoneContext = await newContext(browser);
    const phone = await phoneContext.newPage();
    const name = await pickOnPhone(phone, "Bouchard");
    const firstName = name.split(" ")[0]!;

    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await openConversationWith(page, name);

    await page.getByTestId("saved-reply-picker").click();
    await page.getByTestId("saved-reply-option").filter({ hasText: "Vehicle ready" }).click();
    // The attribute with a fallback shows as a green chip.
    await page.getByTestId("reply-field").locator('[data-token="customer.first_name"][data-fallback="there"]').waitFor();
    await page.getByTestId("file-input").setInputFiles({ name: "inspection.png", mimeType: "image/png", buffer: PNG });
    await page.getByTestId("composer-attachments").locator("img").waitFor();
    await snapshot(page, "composer-saved-reply");
    await page.getByTestId("send-reply").click();

    const sent = page.locator('[data-testid=message][data-direction=outbound]').filter({ hasText: `Hi ${firstName}, your vehicle is ready` });
    await sent.waitFor();
    await sent.getByTestId("file-list").locator("img").waitFor();

    const received = phone.getByTestId("phone-message").filter({ hasText: `Hi ${firstName}, your vehicle is ready` });
    await received.waitFor({ timeout: 10_000 });
    await expect(received.textContent()).resolves.toContain("Beaulieu Automobiles");
    await expect(received.textContent()).resolves.not.toContain("{");
    const link = await received.getByTestId("phone-link").getAttribute("href");
    const publicPage = await phoneContext.newPage();
    await publicPage.goto(link!);
    await publicPage.getByRole("img", { name: "inspection.png" }).waitFor();
    await snapshot(publicPage, "public-file");
    await Promise.all([context.close(), phoneContext.close()]);
  });

  it("adds a note mentioning a teammate, who is notified; schedules a message and shows the banner", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await openConversationWith(page, "Lévesque");

    await page.getByTestId("composer-mode-note").click();
    await page.getByTestId("reply-field").click();
    await page.keyboard.type("Peux-tu rappeler ce client? @Jean");
    await page.getByTestId("mention-list").getByRole("button", { name: /Jean-François Gagnon/ }).click();
    await page.getByTestId("send-reply").click();
    await page.getByTestId("note").filter({ hasText: "@Jean-François Gagnon" }).waitFor();

    await page.getByTestId("composer-mode-reply").click();
    await page.getByTestId("reply-field").click();
    await page.keyboard.type("Petit rappel pour votre rendez-vous de demain.");
    await page.getByTestId("schedule-menu").click();
    await page.getByRole("menuitem", { name: /Tomorrow morning/ }).click();
    await page.getByTestId("scheduled-banner").filter({ hasText: "Petit rappel" }).waitFor();
    await snapshot(page, "note-and-scheduled");

    const teammateContext = await newContext(browser);
    const teammate = await teammateContext.newPage();
    await signIn(teammate, "jf@parley.test");
    await teammate.getByTestId("notification-bell").click();
    await teammate.getByRole("menuitem", { name: /mentionné dans une note/ }).first().click();
    await teammate.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    await teammate.getByTestId("note").filter({ hasText: "Peux-tu rappeler ce client?" }).waitFor();
    await Promise.all([context.close(), teammateContext.close()]);
  });
});

describe("scheduled payment and review requests (EDIT-11)", () => {
  it("schedules a review request and a payment request from their dialogs; the banner shows each, and one is deleted after confirming", async () => {
    const context = await newContext(browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await openConversationWith(page, "Lévesque");
    const banner = page.getByTestId("scheduled-banner");

    await page.getByTestId("review-request-button").click();
    const reviewDialog = page.getByRole("dialog");
    await reviewDialog.getByTestId("request-message-field").waitFor();
    await snapshot(page, "review-request-dialog");
    await reviewDialog.getByTestId("send-review-request-schedule").click();
    await page.getByRole("menuitem").first().click();
    await banner.locator("[data-kind=review_request]").waitFor();
    await page.getByRole("status").filter({ hasText: /scheduled|programmée/i }).waitFor();

    await page.getByTestId("payment-request-button").click();
    const paymentDialog = page.getByRole("dialog");
    await paymentDialog.getByLabel(/Amount|Montant/).fill("389,95");
    await paymentDialog.getByLabel(/Reference|Référence/).fill("RO-48213");
    await paymentDialog.getByTestId("send-payment-request-schedule").click();
    await snapshot(page, "payment-request-schedule-menu");
    await page.getByRole("menuitem").first().click();
    const payment = banner.locator("[data-kind=payment_request]");
    await payment.filter({ hasText: "RO-48213" }).filter({ hasText: /389[.,]95/ }).waitFor();
    await snapshot(page, "scheduled-requests");
    // Its edit dialog carries the amount and the reference.
    await payment.getByRole("button", { name: /View|Voir/ }).click();
    await page.getByRole("dialog").getByLabel(/Reference|Référence/).waitFor();
    expect(await page.getByRole("dialog").getByLabel(/Reference|Référence/).inputValue()).toBe("RO-48213");
    await snapshot(page, "scheduled-payment-edit");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    // Deleting asks first; the review request then leaves the banner, the payment stays.
    await banner.locator("[data-kind=review_request]").getByRole("button", { name: /View|Voir/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: /Delete|Supprimer/ }).click();
    const confirm = page.getByRole("dialog", { name: /Delete this scheduled message|Supprimer ce message programmé/ });
    await confirm.getByRole("button", { name: /Delete|Supprimer/ }).click();
    await banner.locator("[data-kind=review_request]").waitFor({ state: "detached" });
    await payment.waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, "scheduled-requests-phone");
    await page.getByTestId("review-request-button").click();
    await page.getByRole("dialog").getByTestId("send-review-request-schedule").waitFor();
    await snapshot(page, "review-request-dialog-phone");
    await context.close();
  });
});

describe("company settings for the editor", () => {
  it("lets the admin create a saved reply and a custom attribute", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/company/custom-attributes");
    await page.getByLabel("Nom").fill("Couleur du véhicule");
    await page.getByTestId("create-attribute").click();
    await page.getByTestId("attributes-customer").getByText("Couleur du véhicule").waitFor();

    await page.goto("/company/saved-replies");
    await page.getByTestId("new-saved-reply").click();
    await page.getByLabel("Titre").fill("Lavage offert");
    await page.getByTestId("reply-body-field").click();
    await page.keyboard.type("Votre ");
    await page.getByRole("dialog").getByTestId("attribute-picker").click();
    await page.getByPlaceholder("Chercher un attribut…").fill("couleur");
    await page.getByTestId("attribute-option").first().click();
    await page.keyboard.type(" sera lavée gratuitement.");
    await page.getByTestId("save-saved-reply").click();
    await page.getByTestId("saved-reply-row").filter({ hasText: "Lavage offert" }).getByText("{ customer.couleur_du_vehicule }").waitFor();
    await snapshot(page, "saved-replies");
    await context.close();
  });
});
