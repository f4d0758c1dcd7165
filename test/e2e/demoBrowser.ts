import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { expect as playwrightExpect } from 'playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { chromiumLaunch } from '../../vitest.config.js';
import { startDemoServer } from './demoServer.js';

/** Playwright's web-first assertions: a wait ends once its condition holds; the limit is when to give up. */
export const expect = playwrightExpect.configure({ timeout: 15_000 });

export const EDGE_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

/**
 * One Chromium for the file and a fresh demo server (throwaway database) per test; each device is its own
 * browser context (its own cookies), closed after the test. Call at the top of a test file.
 */
export function demoBrowserPerTest() {
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
    server = await startDemoServer();
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
  return {
    /** The running demo's URL (in a test). */
    url: () => server.url,
    context,
    /** A page of a new device at the demo's start page. */
    async device(userAgent?: string): Promise<Page> {
      const page = await (await context(userAgent)).newPage();
      await page.goto(server.url);
      return page;
    },
  };
}
