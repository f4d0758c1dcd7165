// The demo host is what hosts copy (issue 19): its sign-in must not tell which emails have accounts, must
// not read a body of any size before anyone is signed in, and its pages must carry security headers. Run
// over real HTTP on loopback, as `npm start` serves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../examples/server/seed.js';
import { type ReferenceServer, startReferenceServer } from './conformance/referenceServer.js';
import { cookieJarFetch } from './helpers/cookieJarFetch.js';

const { user } = DEMO_CREDENTIALS;
let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});
afterAll(() => server.close());

/** A browser tab with its CSRF cookie, posting a sign-in body. */
async function tab(agent = 'Demo host test') {
  const browser = cookieJarFetch(server.url, agent);
  await browser.fetch('/api/csrf');
  const signIn = async (body: unknown) => {
    const response = await browser.fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': browser.csrfToken() ?? '' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  return { browser, signIn };
}

describe('the demo host’s sign-in', () => {
  it('answers an unknown email exactly as a wrong password, and slows both down alike', async () => {
    const { signIn } = await tab();
    const unknown = await signIn({ email: 'nobody@example.com', password: 'whatever' });
    const wrong = await signIn({ email: user.email, password: 'not it' });
    expect(unknown).toMatchObject({ status: 422 });
    expect(unknown.body).toEqual(wrong.body);
    // Four more each: both are now past the free tries, both wait, with the same answer.
    for (let i = 0; i < 4; i++) {
      await signIn({ email: 'nobody@example.com', password: `guess ${i}` });
      await signIn({ email: user.email, password: `guess ${i}` });
    }
    const unknownLimited = await signIn({ email: 'nobody@example.com', password: 'again' });
    const knownLimited = await signIn({ email: user.email, password: 'again' });
    expect([unknownLimited.status, knownLimited.status]).toEqual([429, 429]);
    expect(unknownLimited.body).toEqual(knownLimited.body);
    expect(unknownLimited.headers.get('retry-after')).toBe(knownLimited.headers.get('retry-after'));
  });

  it('refuses a 10 MB body with 413 before anyone is signed in', async () => {
    const { signIn } = await tab('Big body');
    const huge = JSON.stringify({ email: user.email, password: 'x'.repeat(10 * 1024 * 1024) });
    const answer = await signIn(huge);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'UNKNOWN' });
  });

  it('sends security headers on its pages and API: no framing, scripts from itself, nosniff', async () => {
    for (const path of ['/api/auth/me', '/api/sessions']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      await response.body?.cancel();
    }
  });
});
