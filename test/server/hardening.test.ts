// The server's limits, each as an attacker would probe it (issue 19): a stolen session cannot lock its
// owner out, anonymous sign-ins cannot lock anyone, streams are capped and end with their session, event
// ids say nothing about other users, a forged X-Forwarded-For is ignored, a user's sessions are capped.
// Time is the harness's clock (and Vitest's fake timers for the stream's beat), never the wall clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSignInLimiter,
  forwardedClientAddress,
  SessionLimitError,
  setClientAddress,
} from '../../src/server/index.js';
import { createHarness, type Device, type Harness, MINUTE, T0, UA, USERS } from './harness.js';

const pw = (user: keyof typeof USERS) => ({ password: USERS[user].password });
const SECOND = 1_000;

afterEach(() => {
  vi.useRealTimers();
});

/** Opens the device's event stream and reads it frame by frame (`id`, `event`, `data`). */
async function openStream(h: Harness, who: Device) {
  const headers = new Headers({ cookie: who.jar.header(), 'user-agent': who.userAgent });
  const response = await h.handler(new Request('http://localhost/api/sessions/events', { headers }));
  if (!response.body || response.status !== 200) return { status: response.status, response, next: null };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<{ id: string; event: string; data: Record<string, unknown> } | 'closed'> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        // The first frame names the session set (tested in eventStream.test.ts); these tests read past it.
        if (event && event !== 'connected')
          return {
            id: /^id: (.*)$/m.exec(block)?.[1] ?? '',
            event,
            data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}'),
          };
        continue;
      }
      const { done, value } = await reader.read();
      if (done) return 'closed';
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { status: response.status, response, next, cancel: () => reader.cancel() };
}

describe('a stolen session cannot lock its owner out', () => {
  it("locks only the guessing session; the owner's other session signs it out with the right password", async () => {
    const h = createHarness();
    const owner = await h.device('ana', UA.chromeMac);
    const thief = await h.device('ana', UA.firefoxWindows);
    for (let i = 0; i < 6; i++)
      await h.call(thief, 'POST', `/api/sessions/${owner.sessionId}/revoke`, { password: `guess ${i}` });
    const locked = await h.call(thief, 'POST', '/api/sessions/revoke-all', pw('ana'));
    expect([locked.status, locked.body.code]).toEqual([429, 'RATE_LIMITED']);
    // Every confirmation of the owner's session still works: revoke one, revoke others, revoke all.
    const signedOut = await h.call(owner, 'POST', `/api/sessions/${thief.sessionId}/revoke`, pw('ana'));
    expect(signedOut.status).toBe(204);
    expect((await h.call(thief, 'GET', '/api/sessions')).status).toBe(401);
    const others = await h.call(owner, 'POST', '/api/sessions/revoke-others', pw('ana'));
    expect([others.status, others.body]).toEqual([200, { revokedCount: 0 }]);
  });

  it('counts in a sliding window: one more fits when the oldest leaves it, not five more', async () => {
    const h = createHarness();
    const thief = await h.device('ana', UA.firefoxWindows);
    const guess = () => h.call(thief, 'POST', '/api/sessions/revoke-others', { password: 'guess' });
    for (let i = 0; i < 5; i++) {
      h.clock.now = T0 + i * MINUTE;
      expect((await guess()).status).toBe(422);
    }
    const refused = await guess();
    // The oldest (at T0) leaves the 15-minute window at T0 + 15 min: 11 minutes from T0 + 4 min.
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, String(11 * 60)]);
    h.clock.now = T0 + 15 * MINUTE + 1;
    expect((await guess()).status).toBe(422);
    // A fixed window would have started afresh here; the sliding one is full again at once.
    expect((await guess()).status).toBe(429);
    // Refused tries are not counted: asking again and again does not push the lock further out.
    h.clock.now = T0 + 16 * MINUTE + 1;
    expect((await guess()).status).toBe(422);
  });

  it("holds a ceiling over all of a user's sessions, which never refuses a session with no wrong password", async () => {
    const h = createHarness();
    const thieves = await Promise.all([1, 2, 3, 4, 5].map(() => h.device('ana', UA.firefoxWindows)));
    const owner = await h.device('ana', UA.chromeMac);
    for (const thief of thieves)
      for (let i = 0; i < 4; i++)
        expect((await h.call(thief, 'POST', '/api/sessions/revoke-others', { password: 'x' })).status).toBe(
          422,
        );
    // Twenty wrong passwords across five sessions: each thief is at four, under its own limit of five,
    // but the user's ceiling is reached.
    const first = thieves[0] as Device;
    expect((await h.call(first, 'POST', '/api/sessions/revoke-others', { password: 'x' })).status).toBe(429);
    const ok = await h.call(owner, 'POST', '/api/sessions/revoke-others', pw('ana'));
    expect([ok.status, ok.body]).toEqual([200, { revokedCount: 5 }]);
  });
});

describe('sign-in throttling', () => {
  const signInAs = (
    limiter: ReturnType<typeof createSignInLimiter>,
    identifier: string,
    client: string,
    right = false,
  ) => limiter.attempt({ identifier, client }, async () => (right ? { id: USERS.ana.id } : null));

  it('never blocks a signed-in user’s confirmations, however many anonymous sign-ins fail', async () => {
    const h = createHarness();
    const limiter = createSignInLimiter(h.store, {}, () => h.clock.now);
    const ana = await h.device('ana');
    for (let i = 0; i < 60; i++) {
      h.clock.now = T0 + i * MINUTE; // slow enough to be let through every time
      await signInAs(limiter, USERS.ana.email, `198.51.100.${i % 250}`);
    }
    const revoke = await h.call(ana, 'POST', '/api/sessions/revoke-others', pw('ana'));
    expect(revoke.status).toBe(200);
  });

  it('slows one client on one account down (1 s, 2 s, 4 s…) instead of locking, and not other clients', async () => {
    const h = createHarness();
    const limiter = createSignInLimiter(h.store, {}, () => h.clock.now);
    for (let i = 0; i < 5; i++)
      expect(await signInAs(limiter, 'Ana@Example.com ', '203.0.113.5')).toEqual({
        ok: false,
        code: 'INVALID_CREDENTIALS',
      });
    expect(await signInAs(limiter, 'ana@example.com', '203.0.113.5', true)).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      retryAfter: 1,
    });
    // Another client, and the same client on another account, are not slowed.
    expect(await signInAs(limiter, 'ana@example.com', '192.0.2.77', true)).toMatchObject({ ok: true });
    expect((await signInAs(limiter, 'bob@example.com', '203.0.113.5')).ok).toBe(false);
    h.clock.now += SECOND;
    expect(await signInAs(limiter, 'ana@example.com', '203.0.113.5')).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(await signInAs(limiter, 'ana@example.com', '203.0.113.5')).toMatchObject({ retryAfter: 2 });
    h.clock.now += 2 * SECOND;
    // The right password after the wait signs in, and the slate is clean again.
    expect(await signInAs(limiter, 'ana@example.com', '203.0.113.5', true)).toMatchObject({ ok: true });
    expect(await signInAs(limiter, 'ana@example.com', '203.0.113.5')).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('takes one try of a parallel burst and refuses the rest', async () => {
    const h = createHarness();
    const limiter = createSignInLimiter(h.store, { freeAttempts: 0 }, () => h.clock.now);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => signInAs(limiter, 'ana@example.com', '203.0.113.5')),
    );
    expect(outcomes.filter((o) => !o.ok && o.code === 'INVALID_CREDENTIALS')).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.code === 'RATE_LIMITED')).toHaveLength(19);
  });

  it('refuses a client spraying many accounts, and only that client', async () => {
    const h = createHarness();
    const limiter = createSignInLimiter(h.store, { perClient: 10 }, () => h.clock.now);
    for (let i = 0; i < 10; i++) await signInAs(limiter, `user${i}@example.com`, '203.0.113.9');
    expect(await signInAs(limiter, 'ana@example.com', '203.0.113.9', true)).toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(await signInAs(limiter, 'ana@example.com', '192.0.2.1', true)).toMatchObject({ ok: true });
  });
});

describe('live event streams', () => {
  it('caps streams per session and per user with 429, and frees a place when one closes', async () => {
    const h = createHarness({ handler: { eventStreams: { maxPerSession: 3, maxPerUser: 5 } } });
    const laptop = await h.device('ana');
    const phone = await h.device('ana', UA.safariIphone);
    const open = await Promise.all([1, 2, 3].map(() => openStream(h, laptop)));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    const fourth = await openStream(h, laptop);
    expect(fourth.status).toBe(429);
    expect(await fourth.response.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await openStream(h, phone)).status).toBe(200);
    expect((await openStream(h, phone)).status).toBe(200);
    expect((await openStream(h, phone)).status).toBe(429); // the user's fifth is the cap
    // Bob is another user: his place is his own.
    expect((await openStream(h, await h.device('bob'))).status).toBe(200);
    await open[0]?.cancel?.();
    expect((await openStream(h, laptop)).status).toBe(200);
  });

  it('closes a stream when its session expires, saying so, and sends it nothing after', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = createHarness({
      manager: { idleTimeoutMs: 10 * MINUTE },
      handler: { eventStreams: { heartbeatMs: 30 * SECOND } },
    });
    const laptop = await h.device('ana');
    const stream = await openStream(h, laptop);
    h.advance(10 * MINUTE + 1);
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(await stream.next?.()).toMatchObject({
      event: 'signed-out',
      data: { sessionId: laptop.sessionId, cause: 'expired', bySessionId: null },
    });
    expect(await stream.next?.()).toBe('closed');
  });

  it('keeps a stream whose session was used elsewhere meanwhile (its expiry slid)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = createHarness({
      manager: { idleTimeoutMs: 10 * MINUTE },
      handler: { eventStreams: { heartbeatMs: 30 * SECOND } },
    });
    const laptop = await h.device('ana');
    const stream = await openStream(h, laptop);
    h.advance(9 * MINUTE);
    await h.call(laptop, 'GET', '/api/sessions'); // another tab's request slides the expiry
    h.advance(2 * MINUTE);
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    await h.device('ana', UA.safariIphone);
    expect(await stream.next?.()).toMatchObject({ event: 'session.started' });
  });

  it('numbers events per stream, so ids reveal nothing of other users’ activity', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    const stream = await openStream(h, ana);
    for (let i = 0; i < 5; i++) await h.device('bob'); // other users' sign-ins
    await h.device('ana', UA.safariIphone);
    await h.device('ana', UA.firefoxWindows);
    // Id 1 was the stream's `connected` frame.
    expect(await stream.next?.()).toMatchObject({ id: '2', event: 'session.started' });
    expect(await stream.next?.()).toMatchObject({ id: '3', event: 'session.started' });
    const another = await openStream(h, ana);
    await h.device('ana', UA.safariIphone);
    expect(await another.next?.()).toMatchObject({ id: '2' });
  });
});

describe('the client address behind proxies', () => {
  const request = (forwarded: string | null, peer = '10.0.0.2', header = 'x-forwarded-for') => {
    const r = new Request('http://localhost/', {
      headers: forwarded === null ? {} : { [header]: forwarded },
    });
    setClientAddress(r, peer);
    return r;
  };

  it('takes the entry the trusted proxies wrote, never what the client wrote left of it', () => {
    const oneProxy = forwardedClientAddress();
    expect(oneProxy(request('203.0.113.7'))).toBe('203.0.113.7');
    // A client that sends its own X-Forwarded-For: an appending proxy puts the real address last.
    expect(oneProxy(request('6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7');
    const twoProxies = forwardedClientAddress({ hops: 2 });
    expect(twoProxies(request('6.6.6.6, 203.0.113.7, 10.0.0.9'))).toBe('203.0.113.7');
    expect(twoProxies(request('2001:db8::7, 10.0.0.9'))).toBe('2001:db8::7');
  });

  it('falls back to the peer when the header is missing, too short or not an address', () => {
    const twoProxies = forwardedClientAddress({ hops: 2 });
    expect(twoProxies(request(null))).toBe('10.0.0.2');
    expect(twoProxies(request('203.0.113.7'))).toBe('10.0.0.2');
    expect(forwardedClientAddress()(request('<script>, evil'))).toBe('10.0.0.2');
  });

  it('reads an overwriting proxy’s header by name', () => {
    const realIp = forwardedClientAddress({ header: 'x-real-ip' });
    expect(realIp(request('203.0.113.7', '10.0.0.2', 'x-real-ip'))).toBe('203.0.113.7');
    expect(() => forwardedClientAddress({ hops: 0 })).toThrow(TypeError);
  });

  it('puts the proxy’s address, not a forged one, in the session row', async () => {
    const h = createHarness({ manager: { clientIp: forwardedClientAddress() } });
    const signIn = request('6.6.6.6, 203.0.113.7');
    const { session } = await h.manager.signIn({ userId: USERS.ana.id, request: signIn });
    expect(session.ipAddress).toBe('203.0.113.7');
  });
});

describe("a user's sessions", () => {
  it('are capped: past the cap the least recently active one ends, and its device is told why', async () => {
    const h = createHarness({ manager: { maxSessionsPerUser: 3 } });
    const oldest = await h.device('ana', UA.chromeMac);
    h.advance(MINUTE);
    const middle = await h.device('ana', UA.safariIphone);
    const stream = await openStream(h, middle);
    h.advance(MINUTE);
    const newest = await h.device('ana', UA.firefoxWindows);
    h.advance(MINUTE);
    await h.call(oldest, 'GET', '/api/sessions'); // the oldest sign-in is the most recently active now
    const fourth = await h.device('ana', UA.chromeMac);
    expect(h.liveIds('ana')).toEqual([oldest.sessionId, newest.sessionId, fourth.sessionId].sort());
    expect(await stream.next?.()).toMatchObject({ event: 'session.started' }); // newest
    expect(await stream.next?.()).toMatchObject({ event: 'session.started' }); // fourth
    expect(await stream.next?.()).toMatchObject({
      event: 'signed-out',
      data: { cause: 'session-limit', bySessionId: fourth.sessionId },
    });
  });

  it('are capped at 50 by default, and one device at a time with a cap of 1', async () => {
    const h = createHarness();
    for (let i = 0; i < 55; i++) await h.device('ana');
    expect(h.liveIds('ana')).toHaveLength(50);
    const single = createHarness({ manager: { maxSessionsPerUser: 1 } });
    await single.device('ana');
    const second = await single.device('ana', UA.safariIphone);
    expect(single.liveIds('ana')).toEqual([second.sessionId]);
  });

  it('refuse a sign-in past the cap when the host says so', async () => {
    const h = createHarness({ manager: { maxSessionsPerUser: 2, whenFull: 'refuse' } });
    await h.device('ana');
    await h.device('ana');
    await expect(h.device('ana')).rejects.toThrow(SessionLimitError);
    expect(h.liveIds('ana')).toHaveLength(2);
  });

  it('lose the session a sign-in presented: the browser’s old cookie is replaced, and its session ends', async () => {
    const h = createHarness();
    const laptop = await h.device('ana');
    const request = new Request('http://localhost/', { headers: { cookie: laptop.jar.header() } });
    const { session } = await h.manager.signIn({ userId: USERS.bob.id, request });
    expect(h.liveIds('ana')).toEqual([]);
    expect(h.liveIds('bob')).toEqual([session.id]);
  });
});

describe('activity writes', () => {
  it('never replace a recorded IP, user agent or device with an unknown one', async () => {
    const h = createHarness();
    const laptop = await h.device('ana', UA.chromeMac, '203.0.113.9');
    h.advance(2 * MINUTE);
    // A server render calling the handler in-process with only the cookie: no user agent, no peer.
    await h.handler(
      new Request('http://localhost/api/sessions', { headers: { cookie: laptop.jar.header() } }),
    );
    const stored = await h.store.findById(laptop.sessionId);
    expect(stored).toMatchObject({
      ipAddress: '203.0.113.9',
      userAgent: UA.chromeMac,
      device: { browser: 'Chrome', os: 'macOS' },
      lastActiveAt: T0 + 2 * MINUTE,
    });
  });
});

describe('answers', () => {
  it('carry nosniff beside no-store, errors and streams included', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    await h.call(ana, 'GET', '/api/sessions');
    await h.call(null, 'GET', '/api/sessions');
    await h.call(ana, 'POST', '/api/sessions/revoke-others', { password: 'wrong' });
    const stream = await openStream(h, ana);
    for (const headers of [...h.responses.map((r) => r.headers), stream.response.headers]) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('admin', () => {
  it('can be asked for a fresh password before ending every session of a user', async () => {
    const h = createHarness({
      handler: {
        admin: {
          isAdmin: (id) => id === USERS.ana.id,
          describeUsers: () => ({}),
          freshForRevokeUserMs: 5 * MINUTE,
        },
      },
    });
    const admin = await h.device('ana');
    await h.device('bob');
    h.advance(6 * MINUTE);
    const stale = await h.call(admin, 'POST', `/api/admin/users/${USERS.bob.id}/revoke-sessions`, {});
    expect([stale.status, stale.body.code]).toEqual([403, 'REAUTH_REQUIRED']);
    expect(h.liveIds('bob')).toHaveLength(1);
    expect((await h.call(admin, 'POST', '/api/sessions/reauthenticate', pw('ana'))).status).toBe(204);
    const fresh = await h.call(admin, 'POST', `/api/admin/users/${USERS.bob.id}/revoke-sessions`, {});
    expect([fresh.status, fresh.body]).toEqual([200, { revokedCount: 1 }]);
  });

  it('clears its own cookie when it ends its own session', async () => {
    const h = createHarness();
    const admin = await h.device('ana');
    const res = await h.call(admin, 'POST', `/api/admin/sessions/${admin.sessionId}/revoke`, {});
    expect(res.status).toBe(204);
    expect(res.setCookies.some((line) => line.startsWith('pk_session=;') && line.includes('Max-Age=0'))).toBe(
      true,
    );
    expect(admin.jar.cookies.has('pk_session')).toBe(false);
  });
});
