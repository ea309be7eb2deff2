import { readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { SERVER_STATE, type ServerState } from "./server";

export const serverState = (): ServerState => JSON.parse(readFileSync(SERVER_STATE, "utf8")) as ServerState;
export const baseUrl = (): string => serverState().baseUrl;

export const DEMO = { admin: "admin@parley.test", agent: "agent@parley.test", password: "parley123" } as const;

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_FLAGS });
}

export async function newContext(browser: Browser, options: { width?: number; height?: number; locale?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? "en-CA",
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export async function signIn(page: Page, email: string, password: string = DEMO.password) {
  await page.goto("/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
  // The inbox is the heaviest first page: on a busy machine its load event can take a while.
  await page.waitForURL(/\/conversations/, { timeout: 45_000 });
}

/** Saves a screenshot under e2e/artifacts when E2E_SCREENSHOTS is set (for looking at pages). */
export async function snapshot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}
