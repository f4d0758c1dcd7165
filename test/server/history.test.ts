/**
 * The authentication log through the server half as a host wires it (SQLite, the handler under /api, an
 * injected clock): what each event records, what a user and an admin read, the new-device alert and its
 * "not me" link, the cap, and retention.
 */
import { createPasswordSignIn, type NewDeviceAlert, setClientAddress } from 'profilekit/server';
import { describe, expect, it } from 'vitest';
import { countedStore, createHarness, DAY, MINUTE, UA, USERS } from './harness.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

function historyHarness(extra: Parameters<typeof createHarness>[0] = {}) {
  const alerts: NewDeviceAlert[] = [];
  const h = createHarness({
    ...extra,
    manager: {
      history: {
        onNewDevice: (alert) => {
          alerts.push(alert);
        },
        notMe: {
          secret: SECRET,
          url: 'http://localhost/api/sessions/not-me',
          landingUrl: 'http://localhost/not-me',
        },
      },
      ...extra.manager,
    },
  });
  return { ...h, alerts };
}

const kinds = (body: { entries: { kind: string }[] }) => body.entries.map((entry) => entry.kind);

describe('the authentication log', () => {
  it("shows a user's sign-in, a wrong confirmation, a new device and a sign-out, newest first, with no token", async () => {
    const h = historyHarness();
    const laptop = await h.device('ana', UA.chromeMac, '198.51.100.7');
    h.advance(MINUTE);
    expect((await h.call(laptop, 'POST', '/api/sessions/revoke-others', { password: 'wrong' })).status).toBe(
      422,
    );
    h.advance(MINUTE);
    const phone = await h.device('ana', UA.safariIphone, '203.0.113.9');
    h.advance(MINUTE);
    expect(
      (await h.call(laptop, 'POST', `/api/sessions/${phone.sessionId}/revoke`, { password: 'ana-secret' }))
        .status,
    ).toBe(204);

    const { status, body, text } = await h.call(laptop, 'GET', '/api/sessions/activity');
    expect(status).toBe(200);
    expect(kinds(body)).toEqual(['revoked', 'signed-in', 'confirmation-failed', 'signed-in']);
    const [revoked, phoneIn, failed, laptopIn] = body.entries;
    expect(revoked).toMatchObject({
      sessionId: phone.sessionId,
      bySessionId: laptop.sessionId,
      device: { browser: 'Safari', type: 'mobile' },
      ipAddress: '203.0.113.9',
    });
    expect(phoneIn).toMatchObject({
      sessionId: phone.sessionId,
      method: 'password',
      newDevice: true,
      session: { active: false, endedBy: 'revoked', endedAt: new Date(h.clock.now).toISOString() },
    });
    expect(failed).toMatchObject({ sessionId: laptop.sessionId, isCurrent: true });
    expect(laptopIn).toMatchObject({
      newDevice: false,
      isCurrent: true,
      session: { active: true, endedAt: null },
    });
    // No token, no token hash, no device key anywhere in what a user reads.
    expect(text).not.toContain(laptop.token);
    expect(text).not.toContain(phone.token);
    expect(text).not.toMatch(/tokenHash|token_hash|deviceKey|[0-9a-f]{64}/);
    const stored = JSON.stringify(h.db.prepare('SELECT * FROM profilekit_activity').all());
    expect(stored).not.toContain(laptop.token.slice(0, 20));
    expect(stored).not.toMatch(/[0-9a-f]{64}/);
  });

  it("tells each sign-in's session state from one read of the page's sessions, however long the page", async () => {
    const counted = countedStore();
    const h = historyHarness({ wrapStore: counted.wrapStore });
    const devices = [];
    for (const userAgent of [UA.chromeMac, UA.safariIphone, UA.chromeMac, UA.safariIphone, UA.chromeMac]) {
      devices.push(await h.device('ana', userAgent));
      h.advance(MINUTE);
    }
    await h.manager.revokeSession({ userId: USERS.ana.id, sessionId: devices[0]?.sessionId as string });
    h.advance(MINUTE);
    h.clock.now += 40 * DAY; // the rest expired, awaiting housekeeping
    const { counter } = counted;
    counter.reset();
    const page = await h.manager.listActivity({ userId: USERS.ana.id, limit: 20 });
    const states = page.flatMap((entry) => (entry.kind === 'signed-in' ? [entry.session] : []));
    expect(states).toHaveLength(5);
    expect(states.at(-1)).toMatchObject({ active: false, endedBy: 'revoked' });
    expect(states.slice(0, 4).every((state) => state?.active === false && state.endedBy === 'expired')).toBe(
      true,
    );
    // The page, the endings of its sign-ins, and their rows: three store calls, not one per sign-in.
    expect(counter.calls).toEqual({ listActivity: 2, findByIds: 1 });
  });

  it('tells the same session states from a store without findByIds, one findById a session', async () => {
    const counted = countedStore((store) => ({ ...store, findByIds: undefined }));
    const h = historyHarness({ wrapStore: counted.wrapStore });
    const devices = [];
    for (const userAgent of [UA.chromeMac, UA.safariIphone, UA.chromeMac]) {
      devices.push(await h.device('ana', userAgent));
      h.advance(MINUTE);
    }
    await h.manager.revokeSession({ userId: USERS.ana.id, sessionId: devices[0]?.sessionId as string });
    const { counter } = counted;
    counter.reset();
    const page = await h.manager.listActivity({ userId: USERS.ana.id, limit: 20 });
    const states = page.flatMap((entry) => (entry.kind === 'signed-in' ? [entry.session] : []));
    expect(states).toEqual([
      { active: true, endedAt: null, endedBy: null },
      { active: true, endedAt: null, endedBy: null },
      expect.objectContaining({ active: false, endedBy: 'revoked' }),
    ]);
    expect(counter.calls).toEqual({ listActivity: 2, findById: 2 });
  });

  it('pages a long history by keyset without a repeat, and refuses a cursor from another user', async () => {
    const h = historyHarness();
    const laptop = await h.device('ana');
    for (let i = 0; i < 7; i += 1) {
      h.advance(MINUTE);
      await h.call(laptop, 'POST', '/api/sessions/reauthenticate', { password: 'ana-secret' });
    }
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page += 1) {
      const { body } = await h.call(laptop, 'GET', `/api/sessions/activity?limit=3${cursor}`);
      seen.push(...body.entries.map((e: { id: string }) => e.id));
      if (!body.nextCursor) break;
      cursor = `&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const bob = await h.device('bob');
    const { body } = await h.call(laptop, 'GET', '/api/sessions/activity?limit=3');
    expect(
      (await h.call(bob, 'GET', `/api/sessions/activity?cursor=${encodeURIComponent(body.nextCursor)}`))
        .status,
    ).toBe(400);
    expect((await h.call(bob, 'GET', '/api/sessions/activity?limit=0')).status).toBe(400);
    expect(kinds((await h.call(bob, 'GET', '/api/sessions/activity')).body)).toEqual(['signed-in']);
  });

  it("records failed sign-ins in the account's history, and unknown identifiers for the admin only", async () => {
    const h = historyHarness();
    const signIn = createPasswordSignIn({
      manager: h.manager,
      verify: (email, password) =>
        Object.values(USERS).find((u) => u.email === email && u.password === password) ?? null,
      accountOf: (email) => Object.values(USERS).find((u) => u.email === email)?.id,
    });
    const attempt = (email: string, password: string) => {
      const request = new Request('http://localhost/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': UA.firefoxWindows },
        body: JSON.stringify({ email, password }),
      });
      setClientAddress(request, '192.0.2.44');
      return signIn(request);
    };
    expect((await attempt('ana@example.com', 'guess')).ok).toBe(false);
    h.advance(MINUTE);
    expect((await attempt('nobody@example.com', 'guess')).ok).toBe(false);
    h.advance(MINUTE);
    const laptop = await h.device('ana');
    const mine = await h.call(laptop, 'GET', '/api/sessions/activity');
    expect(kinds(mine.body)).toEqual(['signed-in', 'sign-in-failed']);
    expect(mine.body.entries[1]).toMatchObject({
      identifier: 'ana@example.com',
      reason: 'invalid-credentials',
      ipAddress: '192.0.2.44',
      device: { browser: 'Firefox', os: 'Windows' },
      sessionId: null,
    });
    const all = await h.call(laptop, 'GET', '/api/admin/activity?kind=sign-in-failed');
    expect(
      all.body.entries.map((e: { identifier: string; user: unknown }) => [e.identifier, e.user]),
    ).toEqual([
      ['nobody@example.com', null],
      ['ana@example.com', { id: USERS.ana.id, email: USERS.ana.email, name: USERS.ana.name }],
    ]);
  });

  it('filters the admin log by user, kind and time, and names the admin who ended a session', async () => {
    const h = historyHarness();
    const admin = await h.device('ana');
    h.advance(MINUTE);
    const bob = await h.device('bob');
    const from = h.clock.now;
    h.advance(MINUTE);
    expect((await h.call(admin, 'POST', `/api/admin/sessions/${bob.sessionId}/revoke`, {})).status).toBe(204);
    const byUser = await h.call(admin, 'GET', `/api/admin/activity?userId=${USERS.bob.id}`);
    expect(kinds(byUser.body)).toEqual(['revoked', 'signed-in']);
    expect(byUser.body.entries[0]).toMatchObject({
      byUserId: USERS.ana.id,
      bySessionId: null,
      user: { id: USERS.bob.id },
    });
    const since = await h.call(admin, 'GET', `/api/admin/activity?from=${from + 1}`);
    expect(kinds(since.body)).toEqual(['revoked']);
    const until = await h.call(admin, 'GET', `/api/admin/activity?to=${new Date(from).toISOString()}`);
    expect(kinds(until.body)).toEqual(['signed-in']);
    expect((await h.call(admin, 'GET', '/api/admin/activity?kind=logged-in')).status).toBe(400);
    expect((await h.call(bob, 'GET', '/api/admin/activity')).status).toBe(401);
    const other = await h.device('bob');
    expect((await h.call(other, 'GET', '/api/admin/activity')).status).toBe(403);
  });

  it("counts each day's sign-ins and failed sign-ins for the admin's chart, today last", async () => {
    const h = historyHarness();
    const admin = await h.device('ana');
    const signIn = createPasswordSignIn({
      manager: h.manager,
      verify: () => null,
      accountOf: () => USERS.bob.id,
    });
    const wrong = () =>
      signIn(
        new Request('http://localhost/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'bob@example.com', password: 'guess' }),
        }),
      );
    await wrong();
    h.advance(DAY);
    await h.device('bob');
    await wrong();
    await wrong();
    const { status, body } = await h.call(admin, 'GET', '/api/admin/activity/daily?days=3');
    expect(status).toBe(200);
    expect(body.days).toHaveLength(3);
    expect(
      body.days.map((d: { signedIn: number; failedSignIns: number }) => [d.signedIn, d.failedSignIns]),
    ).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(body.days[2].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await h.call(admin, 'GET', '/api/admin/activity/daily')).body.days).toHaveLength(30);
    expect((await h.call(admin, 'GET', '/api/admin/activity/daily?days=91')).status).toBe(400);
  });

  it('alerts once for a new device with a link that ends it, once, and lands on the host page', async () => {
    const h = historyHarness();
    await h.device('ana', UA.chromeMac);
    expect(h.alerts).toEqual([]); // A first sign-in alerts nobody.
    await h.device('ana', UA.chromeMac);
    expect(h.alerts).toEqual([]); // A device seen before.
    const phone = await h.device('ana', UA.safariIphone);
    await expect.poll(() => h.alerts.length).toBe(1);
    const [alert] = h.alerts;
    expect(alert).toMatchObject({ userId: USERS.ana.id, session: { id: phone.sessionId } });
    const link = new URL(alert?.notMeUrl ?? '');
    expect(link.pathname).toBe('/api/sessions/not-me');
    expect(link.searchParams.get('token')).toMatch(/^v1\.ses_[0-9a-f]+\.[0-9a-z]+\.[\w-]+$/);

    const open = () => h.call(null, 'GET', `${link.pathname}${link.search}`);
    const first = await open();
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('http://localhost/not-me?result=reported');
    expect(h.liveIds('ana')).not.toContain(phone.sessionId);
    const before = h.db.prepare('SELECT count(*) AS n FROM profilekit_activity').get();
    const second = await open();
    expect(second.headers.get('location')).toBe('http://localhost/not-me?result=already-reported');
    expect(h.db.prepare('SELECT count(*) AS n FROM profilekit_activity').get()).toEqual(before);

    const tampered = link.search.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await h.call(null, 'GET', `${link.pathname}${tampered}`)).headers.get('location')).toBe(
      'http://localhost/not-me?result=invalid',
    );
    const laptop = await h.device('ana', UA.chromeMac);
    const { body } = await h.call(laptop, 'GET', '/api/sessions/activity');
    const report = body.entries.find((e: { kind: string }) => e.kind === 'not-me');
    expect(report).toMatchObject({ sessionId: phone.sessionId, device: { browser: 'Safari' } });
    const phoneIn = body.entries.find(
      (e: { sessionId: string; kind: string }) => e.kind === 'signed-in' && e.sessionId === phone.sessionId,
    );
    expect(phoneIn.session).toMatchObject({ active: false, endedBy: 'not-me' });
  });

  it('finishes a report whose session outlived it (a delete that failed), and answers 400 to a doctored cursor', async () => {
    const h = historyHarness();
    const laptop = await h.device('ana', UA.chromeMac);
    const phone = await h.device('ana', UA.safariIphone);
    // A report on record while the session still lives: its first delete failed.
    await h.store.appendActivity([
      {
        id: `notme_${phone.sessionId}`,
        userId: USERS.ana.id,
        kind: 'not-me',
        at: h.clock.now,
        sessionId: phone.sessionId,
        userAgent: null,
        ipAddress: null,
        device: null,
        location: null,
        deviceKey: null,
        method: null,
        newDevice: false,
        identifier: null,
        reason: null,
        bySessionId: laptop.sessionId,
        byUserId: null,
      },
    ]);
    expect(
      (await h.call(laptop, 'POST', `/api/sessions/${phone.sessionId}/not-me`, { password: 'ana-secret' }))
        .status,
    ).toBe(204);
    expect(h.liveIds('ana')).toEqual([laptop.sessionId]);

    const { body } = await h.call(laptop, 'GET', '/api/sessions/activity?limit=1');
    const [, id, print] = JSON.parse(Buffer.from(body.nextCursor, 'base64url').toString()) as [
      number,
      string,
      string,
    ];
    for (const value of [1.5, 1e21]) {
      const doctored = Buffer.from(JSON.stringify([value, id, print])).toString('base64url');
      expect((await h.call(laptop, 'GET', `/api/sessions/activity?cursor=${doctored}`)).status).toBe(400);
    }
  });

  it('refuses a retention shorter than a session or a link lives, and calls no device new whose country is unknown', async () => {
    expect(() => createHarness({ manager: { history: { retentionMs: 0 } } })).toThrow(/retentionMs/);
    expect(() => createHarness({ manager: { history: { retentionMs: 3 * DAY } } })).toThrow(/retentionMs/);
    const alerts: NewDeviceAlert[] = [];
    const h = createHarness({
      manager: { history: { newDeviceByCountry: true, onNewDevice: (alert) => void alerts.push(alert) } },
    });
    await h.device('ana', UA.chromeMac, '198.51.100.7');
    await h.device('ana', UA.safariIphone, '203.0.113.9'); // No resolveLocation: no country known.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(alerts).toEqual([]);
  });

  it('lets a link expire after its lifetime without changing anything', async () => {
    const h = historyHarness();
    await h.device('ana', UA.chromeMac);
    const phone = await h.device('ana', UA.firefoxWindows);
    await expect.poll(() => h.alerts.length).toBe(1);
    h.advance(7 * DAY + 1);
    const link = new URL(h.alerts[0]?.notMeUrl ?? '');
    const opened = await h.call(null, 'GET', `${link.pathname}${link.search}`);
    expect(opened.headers.get('location')).toBe('http://localhost/not-me?result=expired');
    expect(h.liveIds('ana')).toContain(phone.sessionId);
  });

  it('reports a sign-in as not me from another device, password first, and says it is gone', async () => {
    const h = historyHarness();
    const laptop = await h.device('ana', UA.chromeMac);
    const phone = await h.device('ana', UA.safariIphone);
    const path = `/api/sessions/${phone.sessionId}/not-me`;
    expect((await h.call(laptop, 'POST', path, {})).status).toBe(422);
    expect(h.liveIds('ana')).toContain(phone.sessionId);
    expect((await h.call(laptop, 'POST', path, { password: 'ana-secret' })).status).toBe(204);
    expect(h.liveIds('ana')).toEqual([laptop.sessionId]);
    expect((await h.call(laptop, 'POST', path, { password: 'ana-secret' })).status).toBe(204);
    const bob = await h.device('bob');
    expect(
      (await h.call(bob, 'POST', `/api/sessions/${laptop.sessionId}/not-me`, { password: 'bob-secret' }))
        .status,
    ).toBe(404);
    const { body } = await h.call(laptop, 'GET', '/api/sessions/activity');
    expect(body.entries.filter((e: { kind: string }) => e.kind === 'not-me')).toHaveLength(1);
  });

  it('records the cap ending the oldest session, and a refused sign-in when the host refuses', async () => {
    const ending = historyHarness({ manager: { maxSessionsPerUser: 2 } });
    const first = await ending.device('ana');
    ending.advance(MINUTE);
    const second = await ending.device('ana');
    ending.advance(MINUTE);
    const third = await ending.device('ana');
    const { body } = await ending.call(third, 'GET', '/api/sessions/activity');
    // The cap's entry and the sign-in that caused it share one instant here (an injected clock).
    expect(body.entries.find((e: { kind: string }) => e.kind === 'session-limit')).toMatchObject({
      sessionId: first.sessionId,
      bySessionId: third.sessionId,
    });
    expect(ending.liveIds('ana').sort()).toEqual([second.sessionId, third.sessionId].sort());

    const refusing = historyHarness({ manager: { maxSessionsPerUser: 1, whenFull: 'refuse' } });
    const only = await refusing.device('ana');
    refusing.advance(MINUTE);
    await expect(refusing.device('ana')).rejects.toThrow(/most allowed/);
    const mine = await refusing.call(only, 'GET', '/api/sessions/activity');
    expect(mine.body.entries[0]).toMatchObject({ kind: 'sign-in-failed', reason: 'session-limit' });
  });

  it('keeps an ended session readable, records expiry at housekeeping, and prunes past retention', async () => {
    const h = historyHarness({ manager: { idleTimeoutMs: DAY, absoluteLifetimeMs: 2 * DAY } });
    const old = await h.device('ana', UA.firefoxWindows);
    h.advance(DAY + MINUTE);
    const laptop = await h.device('ana');
    let { body } = await h.call(laptop, 'GET', '/api/sessions/activity');
    expect(
      body.entries.find((e: { sessionId: string }) => e.sessionId === old.sessionId).session,
    ).toMatchObject({
      active: false,
      endedBy: 'expired',
    });
    h.advance(31 * DAY);
    const signedIn = await h.device('ana');
    await h.manager.pruneExpired();
    ({ body } = await h.call(signedIn, 'GET', '/api/sessions/activity?limit=100'));
    const expired = body.entries.filter((e: { kind: string }) => e.kind === 'expired');
    expect(expired.map((e: { sessionId: string }) => e.sessionId).sort()).toEqual(
      [old.sessionId, laptop.sessionId].sort(),
    );
    h.advance(60 * DAY + MINUTE);
    await h.manager.pruneExpired();
    const reader = await h.device('ana');
    ({ body } = await h.call(reader, 'GET', '/api/sessions/activity?limit=100'));
    // Past 90 days the first two sessions' entries are gone; the third's sign-in and expiry remain.
    expect(body.entries.map((e: { kind: string; sessionId: string }) => [e.kind, e.sessionId])).toEqual([
      ['signed-in', reader.sessionId],
      ['expired', signedIn.sessionId],
      ['signed-in', signedIn.sessionId],
    ]);
  });

  it('records nothing with history off, and does not offer the log (404, as the contract says)', async () => {
    const h = createHarness({ manager: { history: false } });
    const laptop = await h.device('ana');
    await h.call(laptop, 'POST', '/api/sessions/revoke-others', { password: 'wrong' });
    expect(h.db.prepare('SELECT count(*) AS n FROM profilekit_activity').get()).toEqual({ n: 0 });
    for (const [method, path] of [
      ['GET', '/api/sessions/activity'],
      ['POST', `/api/sessions/${laptop.sessionId}/not-me`],
      ['GET', '/api/admin/activity'],
      ['GET', '/api/admin/activity/daily'],
    ] as const) {
      expect((await h.call(laptop, method, path, method === 'POST' ? {} : undefined)).status).toBe(404);
    }
    expect(h.liveIds('ana')).toEqual([laptop.sessionId]);
  });

  it('writes nothing to the log when a request is authenticated', async () => {
    const h = historyHarness();
    const laptop = await h.device('ana');
    const count = () => h.db.prepare('SELECT count(*) AS n FROM profilekit_activity').get();
    const before = count();
    for (let i = 0; i < 3; i += 1) {
      h.advance(2 * MINUTE);
      await h.manager.authenticate(
        new Request('http://localhost/', { headers: { cookie: laptop.jar.header() } }),
      );
    }
    expect(count()).toEqual(before);
  });
});
