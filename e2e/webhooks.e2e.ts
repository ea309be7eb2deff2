import type { Browser } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/fakes/webhook-receiver";
import { DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
let receiver: WebhookReceiver;
beforeAll(async () => {
  browser = await launchBrowser();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await browser.close();
  await receiver.close();
});

describe("outgoing webhooks (IMPL-2)", () => {
  it("an admin adds an endpoint; a test event and an inbound text reach the receiver, signed, and show in the log", async () => {
    const context = await newContext(browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/company/webhooks");
    await page.locator("#webhook-url").fill(receiver.url);
    await page.locator("#webhook-description").fill("DMS");
    await page.locator('input[name="eventTypes"][value="message.received"]').check();
    await snapshot(page, "webhooks-new");
    await page.getByTestId("create-webhook").click();
    await page.waitForURL(/endpoint=/);
    await page.getByTestId("webhook-url").filter({ hasText: receiver.url }).waitFor();

    // The secret, revealed once asked for.
    await page.getByRole("button", { name: /Afficher|Reveal/ }).click();
    await page.getByTestId("webhook-secret").filter({ hasText: /^whsec_[A-Za-z0-9+/=]+$/ }).waitFor();
    const secret = (await page.getByTestId("webhook-secret").textContent())!;

    await page.getByTestId("webhook-send-test").click();
    await receiver.waitFor(1);
    const test = receiver.received[0]!;
    expect(new Webhook(secret).verify(test.body, test.headers)).toMatchObject({ type: "webhook.test" });

    // Edited: another address on the same receiver, a description, one more event type.
    await page.getByTestId("edit-webhook").click();
    await page.locator("#webhook-edit-url").fill(`${receiver.url}?dms=cdk`);
    await page.locator("#webhook-edit-description").fill("DMS CDK");
    await page.getByTestId("webhook-edit-form").locator('input[name="eventTypes"][value="review.created"]').check();
    await snapshot(page, "webhooks-edit");
    await page.getByTestId("save-webhook").click();
    await page.getByTestId("webhook-url").filter({ hasText: "?dms=cdk" }).waitFor();
    await page.getByTestId("webhook-event-types").filter({ hasText: "review.created" }).waitFor();

    // A customer texts in from the phone simulator.
    const phone = await context.newPage();
    await phone.goto("/dev/phone?q=Morin");
    await phone.getByTestId("simulator-customers").locator("a").first().click();
    await phone.waitForURL(/customer=/);
    const words = `Mon auto est-elle prête? ${Date.now().toString(36)}`;
    await phone.getByTestId("phone-input").fill(words);
    await phone.getByTestId("phone-send").click();
    await receiver.waitFor(2, 20_000);
    const inbound = receiver.received[1]!;
    const event = new Webhook(secret).verify(inbound.body, inbound.headers) as { type: string; data: { message: { body: string } } };
    expect(event.type).toBe("message.received");
    expect(event.data.message.body).toBe(words);

    await page.reload();
    await page.getByTestId("webhook-delivery").filter({ hasText: "message.received" }).waitFor();
    await page.getByTestId("webhook-delivery").filter({ hasText: "message.received" }).getByTestId("webhook-response-status").filter({ hasText: "200" }).waitFor();
    await snapshot(page, "webhooks-log");
    const small = await newContext(browser, { width: 390, height: 844 });
    await small.addCookies(await context.cookies());
    const mobile = await small.newPage();
    await mobile.goto(page.url());
    await mobile.getByTestId("webhook-deliveries").waitFor();
    await snapshot(mobile, "webhooks-log-phone");
    await small.close();
    // Off again: later specs' texts are not sent to a receiver that is gone.
    await page.getByRole("button", { name: /^(Désactiver|Disable)$/ }).click();
    await page.getByTestId("webhook-disabled").waitFor();
    await context.close();
  });
});
