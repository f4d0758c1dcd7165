import { describe, it, expect as vitestExpect } from 'vitest';
import { DEMO_CREDENTIALS } from '../../examples/server/seed.js';
import {
  demoBrowserPerTest,
  EDGE_ON_WINDOWS,
  expect,
  expectPasswordRefused,
  sessionRow as row,
  signOutWithPassword,
} from './demoBrowser.js';

const { password } = DEMO_CREDENTIALS.user;
const demo = demoBrowserPerTest();

/** A device: its own browser context (cookies), optionally its own user agent, signed in to the demo. */
const { signedInDevice } = demo;

describe('the demo, end to end, with two devices', () => {
  it('lists both devices, with "This device" on the right one for each', async () => {
    const a = await signedInDevice();
    const b = await signedInDevice(EDGE_ON_WINDOWS);
    await a.reload();
    await expect(row(a, 'Chrome on Linux').getByText('This device')).toBeVisible();
    await expect(row(a, 'Microsoft Edge on Windows')).toBeVisible();
    vitestExpect(await row(a, 'Microsoft Edge on Windows').getByText('This device').count()).toBe(0);
    await expect(row(b, 'Microsoft Edge on Windows').getByText('This device')).toBeVisible();
    vitestExpect(await row(b, 'Chrome on Linux').getByText('This device').count()).toBe(0);
  });

  it('shows a new sign-in on another device without a reload', async () => {
    const a = await signedInDevice();
    await expect(a.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    await signedInDevice(EDGE_ON_WINDOWS);
    await expect(a.getByRole('heading', { name: 'Signed in on 6 devices' })).toBeVisible({ timeout: 10_000 });
    await expect(row(a, 'Microsoft Edge on Windows')).toBeVisible();
  });

  it('signs device B out from A with the password; a wrong password keeps the dialog', async () => {
    const b = await signedInDevice(EDGE_ON_WINDOWS);
    const a = await signedInDevice();
    const dialog = await signOutWithPassword(a, 'Sign out Microsoft Edge on Windows', 'not my password');
    await expectPasswordRefused(dialog);

    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(a, 'Microsoft Edge on Windows')).toHaveCount(0);
    await expect(
      a.getByRole('status').filter({ hasText: 'Signed out Microsoft Edge on Windows' }),
    ).toHaveCount(1);

    // B's very next navigation finds its session gone.
    await b.reload();
    await expect(b.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
  });

  it("B's open page leaves for the sign-in page within a second of A signing it out, with no reload and no polling", async () => {
    const b = await signedInDevice(EDGE_ON_WINDOWS);
    await b.goto(`${demo.url()}/?poll=off`);
    await expect(row(b, 'Microsoft Edge on Windows').getByText('This device')).toBeVisible();
    // Survives only if the page is never reloaded.
    await b.evaluate(() => Object.assign(window, { untouched: true }));
    const a = await signedInDevice();
    await signOutWithPassword(a, 'Sign out Microsoft Edge on Windows', password);
    await expect(row(a, 'Microsoft Edge on Windows')).toHaveCount(0);
    // Live, not the 60-second poll: well under a minute, however busy the machine.
    await expect(b.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible({ timeout: 20_000 });
    vitestExpect(await b.evaluate(() => (window as { untouched?: boolean }).untouched)).toBe(true);
  });

  it('signs out everywhere: A lands on the sign-in page too, and B is out', async () => {
    const b = await signedInDevice(EDGE_ON_WINDOWS);
    const a = await signedInDevice();
    await signOutWithPassword(a, 'Sign out everywhere', password);
    await expect(a.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
    await b.reload();
    await expect(b.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
  });
});

describe('two tabs of one browser', () => {
  it('a sign-out in one tab shows in the other at once (BroadcastChannel), and "everywhere" signs both out', async () => {
    await signedInDevice(EDGE_ON_WINDOWS);
    const first = await signedInDevice();
    const second = await first.context().newPage();
    await second.goto(demo.url());
    await expect(row(second, 'Microsoft Edge on Windows')).toBeVisible();
    // The second tab can no longer fetch its list: only the other tab's message can change what it shows.
    await second.route('**/api/sessions', (route) => route.abort());

    await signOutWithPassword(first, 'Sign out Microsoft Edge on Windows', password);
    await expect(row(first, 'Microsoft Edge on Windows')).toHaveCount(0);
    await expect(row(second, 'Microsoft Edge on Windows')).toHaveCount(0);
    await expect(row(second, 'Chrome on Linux').getByText('This device')).toBeVisible();

    await signOutWithPassword(first, 'Sign out everywhere', password);
    await expect(first.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
    await expect(second.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
  });
});

describe('the demo admin page', () => {
  it('shows every session to the seeded admin, and tells anyone else they may not', async () => {
    const context = await demo.context();
    const admin = await context.newPage();
    await admin.goto(demo.url());
    await admin.getByLabel('Email').fill(DEMO_CREDENTIALS.admin.email);
    await admin.getByLabel('Password').fill(DEMO_CREDENTIALS.admin.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('button', { name: 'Sessions admin' }).click();
    await expect(admin.getByRole('grid', { name: 'All sessions' })).toBeVisible();
    await expect(admin.getByText(/^\d+ sessions?$/)).toBeVisible();
    await admin.getByRole('grid', { name: 'All sessions' }).getByRole('row').nth(1).click();
    await expect(admin.getByRole('dialog')).toContainText('Token (first 8 characters)');

    const user = await signedInDevice();
    await user.goto(`${demo.url()}/admin`);
    await expect(user.getByText('You are not allowed to see all sessions.').first()).toBeVisible();
    await expect(user.getByRole('button', { name: 'Sessions admin' })).toHaveCount(0);
  });
});
