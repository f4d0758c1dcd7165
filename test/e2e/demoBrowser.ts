import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright';
import { expect as playwrightExpect } from 'playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { DEMO_CREDENTIALS } from '../../examples/server/seed.js';
import { chromiumLaunch } from '../../vitest.config.js';
import { type DemoServerOptions, startDemoServer } from './demoServer.js';

/** Playwright's web-first assertions: a wait ends once its condition holds; the limit is when to give up. */
export const expect = playwrightExpect.configure({ timeout: 15_000 });

export const EDGE_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

/**
 * One Chromium for the file and a fresh demo server (throwaway database) per test; each device is its own
 * browser context (its own cookies), closed after the test. Call at the top of a test file; the options pick
 * the host (the Hono demo unless told) and its seed.
 */
export function demoBrowserPerTest(serverOptions: DemoServerOptions = {}) {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunch);
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    server = await startDemoServer(serverOptions);
  });
  afterEach(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    await server.close();
  });
  /** A new browser context, optionally with its own user agent. */
  async function context(userAgent?: string): Promise<BrowserContext> {
    const opened = await browser.newContext(userAgent ? { userAgent } : {});
    contexts.push(opened);
    return opened;
  }
  /** A page of a new device at the demo's start page. */
  async function device(userAgent?: string): Promise<Page> {
    const page = await (await context(userAgent)).newPage();
    await page.goto(server.url);
    return page;
  }
  return {
    /** The running demo's URL (in a test). */
    url: () => server.url,
    context,
    device,
    /** A new device signed in as the demo's user (Ana) through the sign-in page, on her profile page. */
    async signedInDevice(userAgent?: string): Promise<Page> {
      const page = await device(userAgent);
      await page.getByLabel('Email').fill(DEMO_CREDENTIALS.user.email);
      await page.getByLabel('Password').fill(DEMO_CREDENTIALS.user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /^Signed in on \d+ devices?$/ }).waitFor();
      return page;
    },
  };
}

/** A device's row in the page's session list, by its name ("Chrome on Linux"). */
export const sessionRow = (page: Page, device: string) =>
  page.getByRole('listitem').filter({ has: page.getByText(device, { exact: true }) });

/**
 * Clicks a sign-out button ("Sign out Chrome on Linux", "Sign out everywhere"), types `password` into the
 * dialog that asks for it and submits it with Enter; answers the dialog.
 */
export async function signOutWithPassword(page: Page, button: string, password: string): Promise<Locator> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: `${button}?` });
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByLabel('Password').press('Enter');
  return dialog;
}

/** A wrong password refused: the dialog stays open, says so, and its field has the focus again. */
export async function expectPasswordRefused(dialog: Locator) {
  await expect(dialog.getByRole('alert')).toHaveText('That password is not correct.');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Password')).toBeFocused();
}
