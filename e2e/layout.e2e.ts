import type { Browser, Locator, Page } from "playwright-core";
import { DEMO_SENDER_NUMBER } from "@/db/seed/demo-logins";
import { randomUUID } from "node:crypto";
import { baseUrl, DEMO, launchBrowser, newContext, signIn, snapshot } from "./browser";
import { signedByVonage } from "./vonage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const tag = `LAY${Date.now().toString(36)}`;

/** Text that shows in full: nothing cut by an ellipsis, on one line. */
async function readsFully(locator: Locator) {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
    return {
      text: (element as HTMLElement).innerText,
      fits: element.scrollWidth <= element.clientWidth + 1,
      oneLine: element.getBoundingClientRect().height <= lineHeight * 1.5 + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
    };
  });
}

async function insideViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

async function firstCustomerProfile(page: Page) {
  await page.goto("/customers");
  const href = await page.getByTestId("customer-list").locator("a").first().getAttribute("href");
  await page.goto(href!);
  await page.getByTestId("customer-name").waitFor();
}

describe("layout at the widths staff use (desktop 1280/1440, phone 390)", () => {
  it.each([1280, 1440])("profile tabs at %i px: every tab can be reached, with a visible cue when they do not all fit", async (width) => {
    const context = await newContext(browser, { width, height: 900, locale: "fr-CA" });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await firstCustomerProfile(page);
    const strip = page.getByTestId("profile-tabs");
    const overflows = await strip.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
    const lastTab = strip.locator("a").last();
    const lastTabVisible = async () => {
      const [tab, box] = await Promise.all([lastTab.boundingBox(), strip.boundingBox()]);
      return tab !== null && box !== null && tab.x + tab.width <= box.x + box.width + 1;
    };
    if (overflows) {
      // The strip says there is more, and its arrow brings the last tab ("Avis") into view.
      const more = page.getByTestId("profile-tabs-right");
      await expect(more.isVisible()).resolves.toBe(true);
      await expect(lastTabVisible()).resolves.toBe(false);
      // As a person would: the arrow until the last tab shows (the page can still settle,
      // a scrollbar or a count narrowing the strip, after a click).
      for (let tries = 0; tries < 8 && !(await lastTabVisible()); tries++) {
        if (!(await more.isVisible())) {
          await page.waitForTimeout(250);
          continue;
        }
        const before = await strip.evaluate((element) => element.scrollLeft);
        await more.click();
        await page.waitForFunction((start) => document.querySelector("[data-testid=profile-tabs]")!.scrollLeft > start, before);
        // The smooth scroll has settled when two readings 150 ms apart agree.
        await page.waitForFunction(() => {
          const element = document.querySelector("[data-testid=profile-tabs]") as HTMLElement;
          const settled = element.dataset.lastScroll === String(element.scrollLeft);
          element.dataset.lastScroll = String(element.scrollLeft);
          return settled;
        }, undefined, { polling: 150 });
      }
      await expect(lastTabVisible()).resolves.toBe(true);
      await page.getByTestId("profile-tabs-left").waitFor();
    } else {
      await expect(lastTabVisible()).resolves.toBe(true);
    }
    await snapshot(page, `profile-tabs-${width}`);
    await context.close();
  });

  it("profile on a phone: both header buttons are on screen, and the current tab is scrolled into view without moving the page", async () => {
    const context = await newContext(browser, { width: 390, height: 844, locale: "fr-CA" });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await firstCustomerProfile(page);
    await expect(insideViewport(page, page.getByTestId("message-customer"))).resolves.toBe(true);
    await expect(insideViewport(page, page.getByTestId("new-appointment"))).resolves.toBe(true);
    await snapshot(page, "profile-phone");

    await page.goto(`${page.url()}?tab=reviews`);
    await page.locator("[data-testid=profile-tabs] a[aria-current=page]").waitFor();
    await expect(insideViewport(page, page.locator("[data-testid=profile-tabs] a[aria-current=page]"))).resolves.toBe(true);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    await context.close();
  });

  it("inbox header reads in full at 1280 and 1440 px in French, and degrades to a short form on a phone", async () => {
    // An unread text in a conversation assigned to the admin, so that the unread count shows.
    const phoneContext = await newContext(browser, { width: 1100, height: 900 });
    const phone = await phoneContext.newPage();
    await signIn(phone, DEMO.admin);
    await phone.goto("/dev/phone?q=Simard");
    await phone.getByTestId("simulator-customers").locator("a").first().click();
    await phone.waitForURL(/customer=/);
    await phone.getByTestId("phone-input").fill(`Bonjour, une question ${tag}`);
    await phone.getByTestId("phone-send").click();
    await phone.getByTestId("phone-message").filter({ hasText: tag }).waitFor();
    const agentContext = await newContext(browser);
    const agent = await agentContext.newPage();
    await signIn(agent, DEMO.agent);
    await agent.goto("/conversations?view=all");
    const row = agent.getByTestId("conversation-row").filter({ hasText: tag });
    await row.waitFor({ timeout: 10_000 });
    await row.locator("a[data-row-link]").click();
    await agent.getByTestId("message").filter({ hasText: tag }).waitFor();
    await agent.getByTestId("assign-menu").click();
    await agent.getByRole("menuitem", { name: "Marie-Claude Tremblay" }).click();
    await agent.getByTestId("assignment-line").filter({ hasText: "Marie-Claude Tremblay" }).last().waitFor();

    // Opening the conversation at one width reads it: the customer writes again before each, so the admin always has it unread.
    const writeAgain = async (suffix: string) => {
      await phone.getByTestId("phone-input").fill(`Encore une question ${tag}-${suffix}`);
      await phone.getByTestId("phone-send").click();
      await phone.getByTestId("phone-message").filter({ hasText: `${tag}-${suffix}` }).waitFor();
    };

    for (const width of [1280, 1440]) {
      await writeAgain(String(width));
      const context = await newContext(browser, { width, height: 900, locale: "fr-CA" });
      const page = await context.newPage();
      await signIn(page, DEMO.admin);
      await page.goto("/conversations?view=all");
      await page.getByTestId("conversation-list").waitFor();
      await expect(readsFully(page.getByTestId("view-label"))).resolves.toEqual({ text: "Toutes les conversations", fits: true, oneLine: true });
      const unread = await readsFully(page.getByTestId("unread-count"));
      expect(unread).toMatchObject({ fits: true, oneLine: true });
      expect(unread.text).toMatch(/^\d+ non lues?$/);
      await expect(insideViewport(page, page.getByTestId("new-message"))).resolves.toBe(true);

      // The thread's assignee menu names the assignee in full.
      await page.getByTestId("conversation-row").filter({ hasText: tag }).locator("a[data-row-link]").click();
      await page.getByTestId("message").filter({ hasText: `${tag}-${width}` }).waitFor();
      await expect(readsFully(page.getByTestId("assignee-name"))).resolves.toEqual({ text: "Marie-Claude Tremblay", fits: true, oneLine: true });
      await snapshot(page, `inbox-header-${width}`);
      await context.close();
    }

    // On a phone the view's name still reads in full; the count shrinks to its number.
    await writeAgain("390");
    const context = await newContext(browser, { width: 390, height: 844, locale: "fr-CA" });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/conversations?view=all");
    await expect(readsFully(page.getByTestId("view-label"))).resolves.toMatchObject({ fits: true, oneLine: true });
    await expect(page.getByTestId("unread-count").getAttribute("title")).resolves.toMatch(/non lue/);
    await expect(insideViewport(page, page.getByTestId("new-message"))).resolves.toBe(true);
    await snapshot(page, "inbox-header-phone");
    await Promise.all([context.close(), agentContext.close(), phoneContext.close()]);
  });

  it("thread: a stranger's text shows a person, not punctuation, and a carrier time from another day names that day", async () => {
    // A text from a number nobody has, stamped by the carrier 25 hours before it reached us.
    const from = `1438777${String(Date.now() % 10_000).padStart(4, "0")}`;
    const payload = {
      channel: "sms",
      message_type: "text",
      message_uuid: randomUUID(),
      to: DEMO_SENDER_NUMBER.slice(1),
      from,
      text: `Avez-vous des pneus? ${tag}-late`,
      timestamp: new Date(Date.now() - 25 * 3_600_000).toISOString(),
    };
    const body = JSON.stringify(payload);
    const authorization = signedByVonage(body, "e2e-signature-secret-0123456789abcdef");
    const response = await fetch(`${baseUrl()}/api/webhooks/vonage/inbound`, { method: "POST", headers: { "content-type": "application/json", authorization }, body });
    expect(response.status).toBe(200);

    const context = await newContext(browser, { width: 1440, height: 900, locale: "fr-CA" });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.goto("/conversations?view=all");
    const row = page.getByTestId("conversation-row").filter({ hasText: `${tag}-late` });
    await row.waitFor({ timeout: 10_000 });
    await row.getByTestId("avatar-person-icon").waitFor();
    await row.locator("a[data-row-link]").click();
    // Titled by their number, which is not repeated beneath.
    const number = `(${from.slice(1, 4)}) ${from.slice(4, 7)}-${from.slice(7)}`;
    await expect(page.getByTestId("thread-title").textContent()).resolves.toBe(number);
    await expect(page.getByTestId("thread-title").locator("xpath=..").textContent()).resolves.toBe(number);
    const carrier = page.getByTestId("message").filter({ hasText: `${tag}-late` }).getByTestId("carrier-time");
    // "envoyé à 17:12" alone would read as today's time.
    await expect(carrier.textContent()).resolves.toMatch(/^envoyé le .*\d{4}.* selon l’opérateur$/);
    await snapshot(page, "thread-carrier-time");
    await context.close();
  });
});
