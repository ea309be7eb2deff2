import { createECDH, randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { baseUrl, DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

type Manifest = { name: string; short_name: string; start_url: string; display: string; theme_color: string; background_color: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };

/** Waits until the service worker is active and controls this page. */
async function controlledBy(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
}

describe("the installable app", () => {
  it("serves a valid manifest, its icons at their sizes, the service worker and the offline page to anyone signed out", async () => {
    const context = await newContext(browser);
    const manifestResponse = await context.request.get("/manifest.webmanifest");
    expect(manifestResponse.status()).toBe(200);
    expect(manifestResponse.headers()["content-type"]).toMatch(/application\/manifest\+json/);
    const manifest = (await manifestResponse.json()) as Manifest;
    expect(manifest).toMatchObject({ name: "Parley", short_name: "Parley", start_url: "/conversations", display: "standalone", theme_color: "#2552eb", background_color: "#ffffff" });
    for (const [size, purpose] of [["192x192", "any"], ["512x512", "any"], ["192x192", "maskable"], ["512x512", "maskable"]] as const) {
      const icon = manifest.icons.find((entry) => entry.sizes === size && entry.purpose === purpose);
      expect(icon).toMatchObject({ type: "image/png" });
      const response = await context.request.get(icon!.src);
      expect(response.status()).toBe(200);
      const { width, height, format } = await sharp(await response.body()).metadata();
      expect(`${width}x${height}`).toBe(size);
      expect(format).toBe("png");
    }
    const apple = await context.request.get("/icons/apple-touch-icon.png");
    expect(await sharp(await apple.body()).metadata()).toMatchObject({ width: 180, height: 180 });

    const worker = await context.request.get("/sw.js", { maxRedirects: 0 });
    expect(worker.status()).toBe(200);
    expect(worker.headers()["content-type"]).toMatch(/javascript/);
    expect(await worker.text()).toContain('addEventListener("push"');

    const french = await context.request.get("/offline", { headers: { "accept-language": "fr-CA,fr;q=0.9" }, maxRedirects: 0 });
    expect(french.status()).toBe(200);
    expect(await french.text()).toMatch(/<html lang="fr">[\s\S]*Vous êtes hors ligne[\s\S]*You(&#39;|')re offline/);
    const english = await context.request.get("/offline", { headers: { "accept-language": "en-US" }, maxRedirects: 0 });
    expect(await english.text()).toMatch(/<html lang="en">[\s\S]*You(&#39;|')re offline[\s\S]*Vous êtes hors ligne/);

    // The pages still need a session.
    expect((await context.request.get("/conversations", { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);
    await context.close();
  });

  it("registers a service worker that controls the app, is installable by Chrome, shows a push as a notification, and shows the offline page when the network is gone", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    expect(await controlledBy(page)).toBe(`${baseUrl()}/sw.js`);
    // The page's <head> has what iOS needs for a home-screen app.
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toMatch(/\/manifest\.webmanifest/);
    expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href")).toBe("/icons/apple-touch-icon.png");
    expect(await page.locator('meta[name="apple-mobile-web-app-capable"]').getAttribute("content")).toBe("yes");

    // Chrome's own check (what decides whether it offers "Install app").
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
    // Playwright's contexts are incognito, where Chrome never installs; nothing else may be missing.
    expect(installabilityErrors.filter((error) => error.errorId !== "in-incognito")).toEqual([]);

    // A push reaching the worker (as the browser's push service would deliver it) shows the notification.
    await context.grantPermissions(["notifications"]);
    const registrations = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        const ours = registrations.find((registration) => registration.scopeURL === `${baseUrl()}/` && !registration.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    const registrationId = await registrations;
    const payload = { title: "Chloé Gagnon", body: "Is my car ready?", url: "/conversations", tag: "conversation-e2e" };
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: baseUrl(), registrationId, data: JSON.stringify(payload) });
    const shown = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      for (let tries = 0; tries < 100; tries++) {
        const notifications = await registration.getNotifications({ tag: "conversation-e2e" });
        if (notifications.length > 0) return notifications.map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data as unknown }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return [];
    });
    expect(shown).toEqual([{ title: "Chloé Gagnon", body: "Is my car ready?", tag: "conversation-e2e", data: { url: "/conversations" } }]);

    await context.setOffline(true);
    await page.goto("/customers").catch(() => undefined);
    await page.locator("[data-offline-page]").waitFor();
    expect(await page.locator("h1").first().textContent()).toBe("You're offline");
    await context.setOffline(false);
    await page.getByRole("link", { name: "Try again" }).click();
    await page.waitForURL(/\/customers/);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await page.locator("[data-offline-page]").count()).toBe(0);
    await context.close();
  });

  it("turns push on for this device from the settings, lists it, and removes it", async () => {
    // The browser's push service is the outside world: PushManager answers with a subscription a
    // real Chrome would (FCM endpoint, a P-256 key); everything from there on is the app's own.
    const p256dh = createECDH("prime256v1").generateKeys().toString("base64url");
    const auth = randomBytes(16).toString("base64url");
    const endpoint = `https://fcm.googleapis.com/fcm/send/e2e-${randomBytes(6).toString("hex")}`;
    for (const width of [1280, 390]) {
      const context = await newContext(browser, { width, height: 900 });
      await context.grantPermissions(["notifications"]);
      await context.addInitScript(
        ({ endpoint, p256dh, auth }) => {
          let current: PushSubscription | null = null;
          const subscription = (key: ArrayBuffer) =>
            ({ endpoint, options: { applicationServerKey: key, userVisibleOnly: true }, toJSON: () => ({ endpoint, keys: { p256dh, auth } }), unsubscribe: async () => ((current = null), true) }) as unknown as PushSubscription;
          PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
            current = subscription((options!.applicationServerKey as Uint8Array).slice().buffer);
            return current;
          };
          PushManager.prototype.getSubscription = async () => current;
        },
        { endpoint: `${endpoint}-${width}`, p256dh, auth },
      );
      const page = await context.newPage();
      await signIn(page, DEMO.agent);
      await controlledBy(page);
      await page.goto("/settings#devices");
      const section = page.getByTestId("push-devices");
      await section.getByTestId("push-state").and(page.locator('[data-state="off"]')).waitFor();
      await section.getByRole("button", { name: "Turn on notifications here" }).click();
      await section.getByTestId("push-state").and(page.locator('[data-state="on"]')).waitFor();
      const device = section.getByTestId("push-device").filter({ hasText: "This device" });
      await device.waitFor();
      expect(await device.textContent()).toMatch(/Chrome · Linux/);
      await section.scrollIntoViewIfNeeded();
      if (process.env.E2E_SCREENSHOTS) await section.screenshot({ path: `e2e/artifacts/push-devices-${width}.png` });
      await snapshot(page, `settings-devices-${width}`);

      await device.getByRole("button", { name: /Remove/ }).click();
      await section.getByTestId("push-state").and(page.locator('[data-state="off"]')).waitFor();
      await section.getByTestId("push-device").filter({ hasText: "This device" }).waitFor({ state: "detached" });
      if (process.env.E2E_SCREENSHOTS) await section.screenshot({ path: `e2e/artifacts/push-devices-off-${width}.png` });
      await context.close();
    }
  });
});

describe("staff photos", () => {
  it("show in the assignee menu, with initials for staff without one", async () => {
    const agentContext = await newContext(browser);
    const agent = await agentContext.newPage();
    await signIn(agent, DEMO.agent);
    await agent.goto("/settings");
    // A portrait-like picture: head and shoulders on a coloured background.
    const portrait = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#0f766e"/><circle cx="200" cy="160" r="80" fill="#fde3c8"/><path d="M60 400c10-90 70-130 140-130s130 40 140 130z" fill="#1e3a8a"/></svg>`;
    const photo = await sharp(Buffer.from(portrait)).png().toBuffer();
    await agent.getByTestId("photo-input").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: photo });
    await agent.getByTestId("user-menu").locator("img").waitFor();
    const firstName = await agent.locator("#profile-firstName").inputValue();
    await agentContext.close();

    for (const width of [1280, 390]) {
      const context = await newContext(browser, { width, height: 800 });
      const page = await context.newPage();
      await signIn(page, DEMO.admin);
      await page.getByTestId("conversation-row").first().click();
      await page.getByTestId("assign-menu").click();
      const menu = page.getByRole("menu");
      await menu.waitFor();
      const items = menu.getByRole("menuitem");
      const withPhoto = items.filter({ has: page.locator("img") });
      expect(await withPhoto.filter({ hasText: firstName }).count()).toBe(1);
      // Served, not only referenced.
      await withPhoto.filter({ hasText: firstName }).locator("img").evaluate((img: HTMLImageElement) => img.decode());
      expect(await withPhoto.filter({ hasText: firstName }).locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      // Everyone else shows initials.
      expect(await items.filter({ hasText: "Sophie Lavoie" }).locator("img").count()).toBe(0);
      expect(await items.filter({ hasText: "Sophie Lavoie" }).textContent()).toContain("SL");
      if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `e2e/artifacts/assignee-menu-${width}.png` });
      await page.keyboard.press("Escape");

      // The device section in French (the admin's language).
      await page.goto("/settings#devices");
      const devices = page.getByTestId("push-devices");
      await devices.getByText("Les notifications push sont désactivées sur cet appareil").waitFor();
      await devices.getByRole("button", { name: "Activer les notifications ici" }).waitFor();
      if (process.env.E2E_SCREENSHOTS) await page.locator("#devices").screenshot({ path: `e2e/artifacts/push-devices-fr-${width}.png` });
      await context.close();
    }
  });
});
