// The consumer hosts' story in Chromium (issue 22), the same for every host: one user on two devices, both
// listed, one signs the other out with the password (a wrong one first), the other leaves live — with no
// console error or warning beyond the failed loads the story expects.
import type { Browser, BrowserContext, Page } from 'playwright';
import { expect as playwrightExpect } from 'playwright/test';
import { expect as vitestExpect } from 'vitest';

// A wait ends as soon as its condition holds; the limit is only when to give up, on a busy machine too.
const expect = playwrightExpect.configure({ timeout: 15_000 });

export const EDGE_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
export const CONSUMER_USER = {
  id: 'u_ana',
  email: 'ana@example.com',
  name: 'Ana',
  password: 'correct horse battery',
};

const row = (page: Page, device: string) =>
  page.getByRole('listitem').filter({ has: page.getByText(device, { exact: true }) });

/**
 * Two devices of CONSUMER_USER, each signed in by `signIn` (which leaves it on the page with the list),
 * then A signs B out. `signedOutPath` is where B's page goes by itself.
 */
export async function twoDevicesSignOneOut({
  browser,
  signIn,
  signedOutPath,
}: {
  browser: Browser;
  signIn: (page: Page) => Promise<void>;
  signedOutPath: RegExp;
}) {
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  async function device(userAgent?: string): Promise<Page> {
    const context = await browser.newContext(userAgent ? { userAgent } : {});
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`[pageerror] ${page.url()}: ${error.message}`));
    return page;
  }
  try {
    const b = await device(EDGE_ON_WINDOWS);
    await signIn(b);
    const a = await device();
    await signIn(a);
    await expect(row(a, 'Microsoft Edge on Windows')).toBeVisible();

    // Default options on both halves: the server wants the password, and the page asks for it.
    await a.getByRole('button', { name: 'Sign out Microsoft Edge on Windows' }).click();
    const dialog = a.getByRole('alertdialog', { name: 'Sign out Microsoft Edge on Windows?' });
    await dialog.getByLabel('Password').fill('not my password');
    await dialog.getByLabel('Password').press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('That password is not correct.');
    await dialog.getByLabel('Password').fill(CONSUMER_USER.password);
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(a, 'Microsoft Edge on Windows')).toHaveCount(0);

    // B hears it on its event stream and leaves on its own.
    await expect(b).toHaveURL(signedOutPath);
    // Expected failed loads only: the sign-in page the docs leave to the host (404), the wrong password
    // (422), a signed-out device's last poll (401). No hydration warning, no error.
    vitestExpect(
      problems.filter((p) => !/Failed to load resource: .* status of (404|422|401)\b/.test(p)),
    ).toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
  }
}
