// One user's security story in Chromium against the demo as `npm start` serves it: sign-ins, a wrong
// password, a new device's mail in the outbox, a sign-out from another device, the activity that shows it
// all, and the mail's "This wasn't me" link, which works once.
import type { Page } from 'playwright';
import { describe, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../examples/server/seed.js';
import { demoBrowserPerTest, EDGE_ON_WINDOWS, expect } from './demoBrowser.js';

const { email, password } = DEMO_CREDENTIALS.user;
const demo = demoBrowserPerTest();
const newDevice = (userAgent?: string) => demo.device(userAgent);

async function signIn(page: Page, withPassword: string = password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(withPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const activity = (page: Page) => page.getByRole('list', { name: 'Security activity' }).getByRole('listitem');

/** The new-device mail about Edge on Windows, read from the outbox page; answers its link. */
async function notMeLinkFromOutbox(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Outbox' }).click();
  const mail = page.getByRole('article').filter({ hasText: 'Microsoft Edge on Windows' });
  await expect(
    mail.getByRole('heading', { name: /New sign-in to Acme from Microsoft Edge on Windows/ }),
  ).toBeVisible();
  const href = await mail
    .getByRole('link', { name: 'This wasn’t me — sign that device out' })
    .getAttribute('href');
  await page.getByRole('button', { name: '← Back to your profile' }).click();
  return href ?? '';
}

describe("one user's security activity, in Chromium against the demo", () => {
  it('shows a sign-in, a wrong password, a new device and its sign-out, newest first; the mail’s link works once', async () => {
    const a = await newDevice();
    await signIn(a);
    await a.getByRole('heading', { name: /^Signed in on \d+ devices?$/ }).waitFor();

    const b = await newDevice(EDGE_ON_WINDOWS);
    await signIn(b, 'not my password');
    await expect(b.getByText('Wrong email or password.')).toBeVisible();
    await signIn(b);
    await b.getByRole('heading', { name: /^Signed in on \d+ devices?$/ }).waitFor();

    const link = await notMeLinkFromOutbox(a);

    await a.getByRole('button', { name: 'Sign out Microsoft Edge on Windows', exact: true }).click();
    const dialog = a.getByRole('alertdialog', { name: 'Sign out Microsoft Edge on Windows?' });
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByLabel('Password').press('Enter');
    await expect(b.getByRole('button', { name: 'Sign in' })).toBeVisible(); // B leaves, live.

    await expect(activity(a).nth(0)).toHaveText(/^Signed out from another device.*Microsoft Edge on Windows/);
    await expect(activity(a).nth(1)).toHaveText(/^Signed inNew device.*Microsoft Edge on Windows.*Ended/);
    await expect(activity(a).nth(2)).toHaveText(
      /^Failed sign-in attempt.*Microsoft Edge on Windows.*as ana@example\.com/,
    );
    await expect(activity(a).nth(3)).toHaveText(/^Signed inThis device.*Chrome on Linux.*Still signed in/);

    // The link after the fact: B is out already; the report is recorded once.
    const reader = await newDevice();
    await reader.goto(link);
    await expect(reader.getByRole('heading', { name: 'That device is signed out' })).toBeVisible();
    await a.reload();
    await expect(activity(a).nth(0)).toHaveText(
      /^Reported as not you and signed out.*Microsoft Edge on Windows/,
    );
    const entries = await activity(a).count();

    await reader.goto(link);
    await expect(reader.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
    await a.reload();
    await expect(activity(a).nth(0)).toHaveText(/^Reported as not you and signed out/);
    await expect(activity(a)).toHaveCount(entries);
  });

  it('ends the new device’s live session from the mail’s link, without a sign-in, and says so in the activity', async () => {
    const a = await newDevice();
    await signIn(a);
    await a.getByRole('heading', { name: /^Signed in on \d+ devices?$/ }).waitFor();
    const b = await newDevice(EDGE_ON_WINDOWS);
    await signIn(b);
    await b.getByRole('heading', { name: /^Signed in on \d+ devices?$/ }).waitFor();
    const link = await notMeLinkFromOutbox(a);

    const mailReader = await newDevice(); // Not signed in: the mail is the proof.
    await mailReader.goto(link);
    await expect(mailReader.getByRole('heading', { name: 'That device is signed out' })).toBeVisible();
    await expect(b.getByRole('button', { name: 'Sign in' })).toBeVisible(); // B leaves, live.
    await expect(activity(a).nth(0)).toHaveText(
      /^Reported as not you and signed out.*Microsoft Edge on Windows/,
    );
    await expect(
      a.getByRole('button', { name: 'Sign out Microsoft Edge on Windows', exact: true }),
    ).toHaveCount(0);

    await mailReader.goto(link);
    await expect(mailReader.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
  });
});
