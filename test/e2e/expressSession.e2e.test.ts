// The React kit in Chromium against a host that keeps its own sessions: the demo page served by the
// Express 5 + express-session + Passport host (examples/express-session, `npm run start:express`), its
// sessions kept by createHostSessions. Two devices, each its own browser context (its own connect.sid):
// both listed, one signed out from the other with the password, and that one's open page leaving for the
// sign-in page by the live event stream alone.
import type { Response } from 'playwright';
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
// Ana's seeded devices left out: her list is exactly the devices signed in here.
const demo = demoBrowserPerTest({ host: 'express', seedSessions: false });

// Each signed in through the host's own sign-in page (Passport's local strategy).
const { signedInDevice } = demo;

/** Whether a response is the contract's live event stream, open. */
const isEventStream = (response: Response) =>
  new URL(response.url()).pathname === '/api/sessions/events' &&
  response.status() === 200 &&
  (response.headers()['content-type'] ?? '').startsWith('text/event-stream');

describe('the kit against an Express + express-session + Passport host (createHostSessions)', () => {
  it('lists both devices, "This device" on each one\'s own row', async () => {
    const b = await signedInDevice(EDGE_ON_WINDOWS);
    const a = await signedInDevice();
    await expect(a.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeVisible();
    await expect(row(a, 'Chrome on Linux').getByText('This device')).toBeVisible();
    await expect(row(a, 'Microsoft Edge on Windows')).toBeVisible();
    vitestExpect(await row(a, 'Microsoft Edge on Windows').getByText('This device').count()).toBe(0);
    await b.reload();
    await expect(row(b, 'Microsoft Edge on Windows').getByText('This device')).toBeVisible();
    vitestExpect(await row(b, 'Chrome on Linux').getByText('This device').count()).toBe(0);
  });

  it("A signs B out with the password: B's open page leaves for the sign-in page live, A lists one session", async () => {
    // B watches the live event stream alone: no polling fallback (?poll=off), never reloaded.
    const b = await signedInDevice(EDGE_ON_WINDOWS);
    const bStream = b.waitForResponse(isEventStream);
    await b.goto(`${demo.url()}/?poll=off`);
    await expect(row(b, 'Microsoft Edge on Windows').getByText('This device')).toBeVisible();
    await bStream; // its stream is open, through express-session
    await b.evaluate(() => Object.assign(window, { untouched: true }));

    const a = await signedInDevice();
    await expect(a.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeVisible();
    // B's page hears of A's sign-in over its stream too.
    await expect(b.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeVisible();

    const dialog = await signOutWithPassword(a, 'Sign out Microsoft Edge on Windows', password);
    await expect(dialog).toBeHidden();

    await expect(b.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
    vitestExpect(await b.evaluate(() => (window as { untouched?: boolean }).untouched)).toBe(true);
    await expect(row(a, 'Microsoft Edge on Windows')).toHaveCount(0);
    await expect(a.getByRole('heading', { name: 'Signed in on 1 device' })).toBeVisible();
    await expect(row(a, 'Chrome on Linux').getByText('This device')).toBeVisible();
    // Out at the host too: express-session finds no session for B's cookie.
    vitestExpect((await b.request.get(`${demo.url()}/api/auth/me`)).status()).toBe(401);
    await a.reload();
    await expect(a.getByRole('heading', { name: 'Signed in on 1 device' })).toBeVisible();
  });

  it('a wrong password keeps the dialog open with an error, and B stays signed in', async () => {
    const b = await signedInDevice(EDGE_ON_WINDOWS);
    const a = await signedInDevice();
    const dialog = await signOutWithPassword(a, 'Sign out Microsoft Edge on Windows', 'not my password');
    await expectPasswordRefused(dialog);
    vitestExpect((await b.request.get(`${demo.url()}/api/auth/me`)).status()).toBe(200);
    // (Behind the open modal dialog the list is hidden from the accessibility tree: closed first.)
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(a.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeVisible();
    await expect(row(a, 'Microsoft Edge on Windows')).toBeVisible();
    await b.reload();
    await expect(row(b, 'Microsoft Edge on Windows').getByText('This device')).toBeVisible();
  });
});
