// The Next.js example (examples/next) as `next build` + `next start` serve it, driven by playwright in
// Debian chromium: the rows in the server's HTML, a hydration without a single warning, relative times that
// survive a browser whose clock and zone differ from the server's, two devices, and the admin console.
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright';
import { expect as playwrightExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, it, expect as vitestExpect } from 'vitest';
import { DEMO_CREDENTIALS } from '../../examples/server/seed.js';
import { chromiumLaunch } from '../../vitest.config.js';
import { buildNextApp, type NextApp, startNextApp } from './nextApp.js';

// A wait ends as soon as its condition holds; the limit is only when to give up, on a busy machine too.
const expect = playwrightExpect.configure({ timeout: 15_000 });

const SAFARI_ON_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const EDGE_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const { email, password } = DEMO_CREDENTIALS.user;

let app: NextApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** This test's console errors and warnings and uncaught errors, of every page, with where they came from. */
const problems: string[] = [];
beforeEach(() => {
  problems.length = 0;
});

beforeAll(async () => {
  if (process.env.PROFILEKIT_NEXT_SKIP_BUILD !== '1') {
    const seconds = buildNextApp();
    console.log(`next build of examples/next: ${seconds.toFixed(1)} s`);
  }
  [app, browser] = await Promise.all([startNextApp(), chromium.launch(chromiumLaunch)]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.close();
});

/** A device: its own browser context (cookies), with every console problem recorded. */
async function device(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const where = () => `${options.userAgent ? 'Edge' : 'Chrome'} ${page.url()}`;
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`[${message.type()}] ${where()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`[pageerror] ${where()}: ${error.message}`));
  return page;
}

async function signIn(page: Page, who: { email: string; password: string } = { email, password }) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();
}

/**
 * Hydrated: the rows answer the pointer — hovering a last-activity time opens its exact-time tooltip, which
 * only the browser writes (in the browser's zone, never the server's UTC) — then the pointer leaves.
 */
async function hydrated(page: Page, device?: string) {
  const time = (device ? row(page, device) : page).locator('time').first();
  await expect(async () => {
    await time.hover();
    await expect(page.getByRole('tooltip')).toBeVisible({ timeout: 200 });
  }).toPass();
  await expect(page.getByRole('tooltip')).not.toContainText('UTC');
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}

const row = (page: Page, device: string) =>
  page.getByRole('listitem').filter({ has: page.getByText(device, { exact: true }) });

/** Cookies as a plain client keeps them: name → value, from each response's Set-Cookie. */
function cookieJar() {
  const jar = new Map<string, string>();
  return {
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
    },
    get: (name: string) => jar.get(name),
    header: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

describe('the Next.js example (next build + next start)', () => {
  it('sends the rows in the server HTML: sign in over /api/auth/sign-in, fetch the page, no JavaScript', async () => {
    const jar = cookieJar();
    jar.take(await fetch(`${app.url}/api/csrf`));
    const signedIn = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-XSRF-TOKEN': decodeURIComponent(jar.get('XSRF-TOKEN') ?? ''),
        Cookie: jar.header(),
      },
      body: JSON.stringify({ email, password }),
    });
    vitestExpect(signedIn.status).toBe(200);
    jar.take(signedIn);
    const token = jar.get('pk_session');
    vitestExpect(token).toMatch(/^[\w-]{40,}$/);

    const page = await fetch(`${app.url}/`, { headers: { Cookie: jar.header() }, redirect: 'manual' });
    vitestExpect(page.status).toBe(200);
    const html = await page.text();
    // The four seeded devices and this sign-in, each a row with its opaque id, and no loading state.
    vitestExpect(html.match(/data-session-id="ses_[0-9a-f]+"/g)).toHaveLength(5);
    vitestExpect(html).toContain('Signed in on 5 devices');
    vitestExpect(html).toContain('Firefox on Windows');
    vitestExpect(html).not.toContain('data-skeleton');
    vitestExpect(html).not.toContain('Loading your devices');
    // RevokeOtherSessionsButton, rendered by the page (a Server Component) straight from 'profilekit'.
    vitestExpect(html).toMatch(/<button[^>]*>Sign out other devices<\/button>/);
    // The dehydrated cache travels in the page; the session's secret never does.
    vitestExpect(html).not.toContain(token);

    // Without the cookie, the Server Component sends the visitor to sign in.
    const anonymous = await fetch(`${app.url}/`, { redirect: 'manual' });
    vitestExpect(anonymous.status).toBe(307);
    vitestExpect(anonymous.headers.get('location')).toMatch(/\/sign-in$/);
  });

  it('hydrates the server rows with no warning, no error, no skeleton and no refetch', async () => {
    const page = await device();
    await signIn(page);
    // A fresh load of the profile page, watched from the first byte.
    await page.addInitScript(() => {
      const w = window as typeof window & { skeletonSeen?: boolean };
      new MutationObserver(() => {
        if (document.querySelector('[data-skeleton], [aria-busy="true"]')) w.skeletonSeen = true;
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const listRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/sessions') listRequests.push(request.url());
    });
    const response = await page.goto(`${app.url}/`);
    const serverHtml = (await response?.text()) ?? '';
    vitestExpect(serverHtml.match(/data-session-id=/g)?.length).toBe(6);
    await hydrated(page);
    await page.waitForTimeout(500);

    await expect(page.getByRole('heading', { name: 'Signed in on 6 devices' })).toBeVisible();
    vitestExpect(await page.locator('[data-session-id]').count()).toBe(6);
    vitestExpect(listRequests).toEqual([]);
    vitestExpect(
      await page.evaluate(() => (window as { skeletonSeen?: boolean }).skeletonSeen ?? false),
    ).toBe(false);
    vitestExpect(problems).toEqual([]);
  });

  it("hydrates relative times as the server wrote them when the browser's clock and zone differ, then shows the browser's", async () => {
    // Two hours ahead of the server, and in São Paulo while the server runs in UTC.
    const page = await device({ timezoneId: 'America/Sao_Paulo' });
    await signIn(page);
    await page.clock.install({ time: Date.now() + 2 * 3_600_000 });
    const response = await page.goto(`${app.url}/`);
    const serverHtml = (await response?.text()) ?? '';
    // The server wrote "3 hours ago" (its clock) and no exact time: that is written only in the browser,
    // in the reader's zone.
    vitestExpect(serverHtml).toContain('Active 3 hours ago');
    vitestExpect(serverHtml).not.toContain('role="tooltip"');

    // After hydration, the browser's clock and zone: the same row now reads five hours, and its exact time
    // is São Paulo's.
    await hydrated(page, 'Firefox on Windows');
    await expect(row(page, 'Firefox on Windows').locator('time')).toHaveText('Active 5 hours ago');
    await page.waitForTimeout(300);
    vitestExpect(problems).toEqual([]);
  });

  it('two devices sign each other out with the password; a wrong password keeps the dialog', async () => {
    const b = await device({ userAgent: EDGE_ON_WINDOWS });
    await signIn(b);
    // A device kind no earlier test signed in, so its button's name is unique on B's page (same-name
    // devices get numbered names).
    const a = await device({ userAgent: SAFARI_ON_MAC });
    await signIn(a);
    await expect(row(a, 'Microsoft Edge on Windows')).toBeVisible();

    await a.getByRole('button', { name: 'Sign out Microsoft Edge on Windows' }).click();
    const dialog = a.getByRole('alertdialog', { name: 'Sign out Microsoft Edge on Windows?' });
    await dialog.getByLabel('Password').fill('not my password');
    await dialog.getByLabel('Password').press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('That password is not correct.');
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(a, 'Microsoft Edge on Windows')).toHaveCount(0);
    // B hears it live (its event stream) and leaves for the sign-in page on its own, no reload.
    await expect(b.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();

    // And back: B signs in again and signs A out.
    await signIn(b);
    await b.getByRole('button', { name: 'Sign out Safari on macOS', exact: true }).click();
    const other = b.getByRole('alertdialog', { name: 'Sign out Safari on macOS?' });
    await other.getByLabel('Password').fill(password);
    await other.getByLabel('Password').press('Enter');
    await expect(other).toBeHidden();
    await expect(a.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
    // And the server agrees: a fresh load of the profile page is sent to sign in.
    await a.goto(app.url);
    await expect(a.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();

    // The browser logs two expected answers as failed loads: 422 for the wrong password, and 401 for a
    // signed-out device's list poll (the kit then sends it to sign in). Nothing else.
    vitestExpect(
      problems.filter((p) => !/Failed to load resource: .* status of (422|401)\b/.test(p)),
    ).toEqual([]);
  });

  it('serves the admin console to the admin: it pages through every session and searches on the server', async () => {
    const admin = await device();
    await signIn(admin, DEMO_CREDENTIALS.admin);
    const pageRequests: URL[] = [];
    admin.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/admin/sessions') pageRequests.push(url);
    });
    await admin.getByRole('link', { name: 'Sessions admin' }).click();
    const grid = admin.getByRole('grid', { name: 'All sessions' });
    await expect(grid).toBeVisible();
    await expect(admin.getByText(/^\d+ sessions$/)).toBeVisible();
    const total = Number((await admin.getByText(/^\d+ sessions$/).innerText()).replace(/\D/g, ''));
    vitestExpect(total).toBeGreaterThan(200);

    // Scrolling to the end of the first page loads the next one (a cursor, not an offset).
    const lastRowIndex = async () =>
      Math.max(
        ...(await grid
          .getByRole('row')
          .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))))),
      );
    for (let i = 0; i < 3; i++) {
      await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await admin.waitForTimeout(200);
    }
    await expect.poll(lastRowIndex).toBeGreaterThan(101);
    vitestExpect(pageRequests.some((url) => url.searchParams.has('cursor'))).toBe(true);

    // The search goes to the server and the rows are that user's only (the seed gives user26 three live ones).
    await admin.getByLabel('Search sessions').fill('user26@example.org');
    await expect(admin.getByText(/^3 sessions$/)).toBeVisible();
    vitestExpect(pageRequests.some((url) => url.searchParams.get('search') === 'user26@example.org')).toBe(
      true,
    );
    const rows = grid.getByRole('row').filter({ has: admin.getByRole('gridcell') });
    await expect(rows).toHaveCount(3);
    for (const text of await rows.allInnerTexts()) vitestExpect(text).toContain('user26@example.org');
    vitestExpect(problems).toEqual([]);
  });

  it('tells a non-admin the console is not theirs, on the server', async () => {
    const user = await device();
    await signIn(user);
    await expect(user.getByRole('link', { name: 'Sessions admin' })).toHaveCount(0);
    await user.goto(`${app.url}/admin`);
    await expect(user.getByText('You are not allowed to see all sessions.')).toBeVisible();
    await expect(user.getByRole('grid')).toHaveCount(0);
    vitestExpect(problems).toEqual([]);
  });
});
