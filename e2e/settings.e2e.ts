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

/** The newest confirmation link sent to `to`, read from the outbox as an admin would. */
async function confirmationLink(admin: Page, to: string) {
  await admin.goto("/dev/outbox");
  const email = admin.getByTestId("outbox-email").filter({ hasText: to }).first();
  const href = await email.locator("a[href*='/confirm-email/']").first().getAttribute("href");
  return new URL(href!).pathname;
}

async function changeEmail(page: Page, admin: Page, to: string) {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Change email" }).click();
  await page.fill("#new-email", to);
  await page.fill("#email-password", DEMO.password);
  await page.getByRole("button", { name: "Send the confirmation link" }).click();
  await page.getByText(`A confirmation link was sent to ${to}.`).waitFor();
  await page.goto(await confirmationLink(admin, to));
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByText(`Done: you now sign in with ${to}.`).waitFor();
}

describe("the profile and signature", () => {
  it("sets a photo, a job title and a signature whose preview is the text as sent", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    await page.goto("/settings");

    const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#1f6feb" } }).png().toBuffer();
    await page.getByTestId("photo-input").setInputFiles({ name: "alex.png", mimeType: "image/png", buffer: photo });
    // The user menu shows the photo, served square by the app.
    const avatar = page.getByTestId("user-menu").locator("img");
    await avatar.waitFor();
    const served = await page.request.get((await avatar.getAttribute("src"))!);
    expect(served.headers()["content-type"]).toBe("image/webp");
    expect(await sharp(await served.body()).metadata()).toMatchObject({ width: 256, height: 256 });

    await page.fill("#profile-jobTitle", "Service advisor, winter tires");
    await page.getByTestId("profile-form").getByRole("button", { name: "Save" }).click();
    await page.getByText("Profile saved.").waitFor();

    await page.fill("#signature-text", "Alex, Beaulieu Auto");
    await expect(page.getByTestId("signature-preview").textContent()).resolves.toBe("Hello, your vehicle is ready. You can pick it up until 5 p.m.\n- Alex, Beaulieu Auto");
    await page.getByTestId("signature-form").getByRole("button", { name: "Save" }).click();
    await page.getByText("Signature saved.").waitFor();
    await snapshot(page, "settings-profile");
    const phone = await newContext(browser, { width: 390, height: 844 });
    const small = await phone.newPage();
    await signIn(small, DEMO.agent);
    await small.goto("/settings");
    await small.getByTestId("signature-preview").waitFor();
    await snapshot(small, "settings-profile-phone");
    await phone.close();

    // Off: the preview is the bare text; the setting is kept after a reload.
    await page.getByLabel("Sign my texts").uncheck();
    await expect(page.getByTestId("signature-preview").textContent()).resolves.toBe("Hello, your vehicle is ready. You can pick it up until 5 p.m.");
    await page.getByLabel("Sign my texts").check();
    await page.reload();
    await expect(page.locator("#signature-text").inputValue()).resolves.toBe("Alex, Beaulieu Auto");
    await page.getByTestId("photo-change").waitFor();
    await page.getByRole("button", { name: "Remove" }).click();
    await page.getByTestId("user-menu").locator("img").waitFor({ state: "detached" });
    await context.close();
  });

  it("changes the sign-in email only once the new address confirms it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);
    const temporary = `alex-${Date.now()}@beaulieu.test`;
    await changeEmail(page, admin, temporary);
    await page.goto("/settings");
    await page.getByTestId("email-change").getByText(temporary).waitFor();
    // And back, so the demo login stays as the README says.
    await changeEmail(page, admin, DEMO.agent);
    await adminContext.close();
    await context.close();
  });
});
