import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, chromium, type Page, request } from 'playwright';
import { expect as playwrightExpect } from 'playwright/test';
import { afterAll, beforeAll, describe, it, expect as vitestExpect } from 'vitest';
import { hashPassword } from '../../examples/server/passwords.js';
import { createUsers } from '../../examples/server/users.js';
import { chromiumLaunch } from '../../vitest.config.js';
import { startDemoServer } from './demoServer.js';

// A wait ends as soon as its condition holds; the limit is only when to give up, on a busy machine too.
const expect = playwrightExpect.configure({ timeout: 15_000 });

/**
 * Whether a typed password stays reachable in the page's JavaScript heap once its dialog has closed.
 * Chromium's own heap snapshot (CDP HeapProfiler, after a forced garbage collection) is searched for
 * the exact strings typed. Every secret is random, made here in Node, and reaches the page only as
 * key presses, so no copy of it exists in the page but what the kit keeps: the demo's bundle, its
 * sign-in page and this file's source never hold it.
 */
const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
const RIGHT = secret('right');
const WRONG_ONE = secret('wrong');
const WRONG_OTHERS = secret('wrong');
const WRONG_CANCELLED = secret('wrong');
const EMAIL = 'heap@example.com';
const EDGE_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

// Room for four heap snapshots on a loaded two-core machine (not a timing assertion).
const SLOW = { timeout: 120_000 };

let browser: Browser;
let server: Awaited<ReturnType<typeof startDemoServer>>;
let context: BrowserContext;

/** Signs in over HTTP (the demo's CSRF double-submit included): the password never enters a page. */
async function signIn(
  api: BrowserContext['request'],
  cookies: () => Promise<{ name: string; value: string }[]>,
) {
  await api.get(`${server.url}/api/csrf`);
  const token = (await cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await api.post(`${server.url}/api/auth/sign-in`, {
    data: { email: EMAIL, password: RIGHT },
    headers: { 'X-XSRF-TOKEN': token },
  });
  vitestExpect(response.status()).toBe(200);
}

/** Another device of the same user: its own cookie jar and user agent. */
async function otherDevice(userAgent: string) {
  const api = await request.newContext({ userAgent });
  await signIn(api, async () => (await api.storageState()).cookies);
  return api;
}

/** Every string in the page's heap after garbage collection, from Chromium's own heap snapshot. */
async function heapStrings(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  // Twice: the first collection can leave what only a finalizer released.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return (JSON.parse(chunks.join('')) as { strings: string[] }).strings;
}

const found = (strings: string[], secrets: string[]) =>
  secrets.filter((s) => strings.some((text) => text.includes(s)));

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
  server = await startDemoServer();
  createUsers(server.db).create({
    email: EMAIL,
    name: 'Heap Check',
    role: 'user',
    password_hash: await hashPassword(RIGHT),
  });
}, 60_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('a typed password, once its dialog has closed', () => {
  it('is nowhere in the page heap: neither the right one nor the wrong ones', SLOW, async () => {
    const devices = [await otherDevice(EDGE_ON_WINDOWS), await otherDevice(FIREFOX_ON_WINDOWS)];
    context = await browser.newContext();
    await signIn(context.request, () => context.cookies());
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Signed in on 3 devices' })).toBeVisible();

    // 1. One device, with a wrong password first (the field hands it back selected), then the right one.
    await page.getByRole('button', { name: 'Sign out Microsoft Edge on Windows' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Sign out Microsoft Edge on Windows?' });
    await expect(dialog.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(WRONG_ONE);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('That password is not correct.');
    // The check can see: while the field holds it, the wrong password is in the heap.
    vitestExpect(found(await heapStrings(page), [WRONG_ONE])).toEqual([WRONG_ONE]);
    await page.keyboard.type(RIGHT);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeVisible();

    // 2. Every other device, the same way.
    await page.getByRole('button', { name: 'Sign out other devices' }).click();
    const others = page.getByRole('alertdialog', { name: 'Sign out other devices?' });
    await expect(others.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(WRONG_OTHERS);
    await page.keyboard.press('Enter');
    await expect(others.getByRole('alert')).toHaveText('That password is not correct.');
    await page.keyboard.type(RIGHT);
    await page.keyboard.press('Enter');
    await expect(others).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Signed in on 1 device' })).toBeVisible();

    vitestExpect(found(await heapStrings(page), [RIGHT, WRONG_ONE, WRONG_OTHERS])).toEqual([]);

    // 3. A wrong password, then Escape: the dialog closes with the wrong one still in its field.
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    const cancelled = page.getByRole('alertdialog', { name: 'Sign out everywhere?' });
    await expect(cancelled.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(WRONG_CANCELLED);
    await page.keyboard.press('Enter');
    await expect(cancelled.getByRole('alert')).toHaveText('That password is not correct.');
    await page.keyboard.press('Escape');
    await expect(cancelled).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Signed in on 1 device' })).toBeVisible();
    const left = found(await heapStrings(page), [RIGHT, WRONG_CANCELLED, WRONG_ONE, WRONG_OTHERS]);
    vitestExpect(left).toEqual([]);
    for (const device of devices) await device.dispose();
  });
});
