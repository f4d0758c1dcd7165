import { describe, expect, it } from 'vitest';
import { createHarness, type Harness, MINUTE, T0, UA, USERS } from './harness.js';

const pw = (user: keyof typeof USERS) => ({ password: USERS[user].password });
const cleared = (setCookies: string[]) =>
  setCookies.some((line) => line.startsWith('pk_session=;') && line.includes('Max-Age=0'));

/** Ana on three devices, Bob on one: the usual cast. */
async function cast(h: Harness = createHarness()) {
  const laptop = await h.device('ana', UA.chromeMac);
  const phone = await h.device('ana', UA.safariIphone);
  const desktop = await h.device('ana', UA.firefoxWindows);
  const bob = await h.device('bob', UA.firefoxWindows);
  return { h, laptop, phone, desktop, bob };
}

describe('user routes', () => {
  it('lists only the caller’s live sessions, marks the current one, carries the device and no token', async () => {
    const { h, laptop, phone, desktop, bob } = await cast();
    const res = await h.call(phone, 'GET', '/api/sessions');
    expect(res.status).toBe(200);
    expect(res.body.currentSessionId).toBe(phone.sessionId);
    const rows: { id: string; isCurrent: boolean }[] = res.body.sessions;
    expect(rows.map((r) => r.id).sort()).toEqual([laptop, phone, desktop].map((d) => d.sessionId).sort());
    expect(rows.filter((r) => r.isCurrent).map((r) => r.id)).toEqual([phone.sessionId]);
    expect(rows.find((r) => r.id === phone.sessionId)).toMatchObject({
      userAgent: UA.safariIphone,
      device: { browser: 'Safari', os: 'iPhone', type: 'mobile' },
      createdAt: new Date(T0).toISOString(),
    });
    for (const d of [laptop, phone, desktop, bob]) expect(res.text).not.toContain(d.token);
    expect(res.text).not.toMatch(/tokenHash|tokenPreview/);
  });

  it('revokes one session: 204, and that device’s next request is 401', async () => {
    const { h, laptop, phone } = await cast();
    const res = await h.call(laptop, 'POST', `/api/sessions/${phone.sessionId}/revoke`, pw('ana'));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const after = await h.call(phone, 'GET', '/api/sessions');
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(cleared(after.setCookies)).toBe(true);
    expect((await h.call(laptop, 'GET', '/api/sessions')).status).toBe(200);
  });

  it('revoke-others ends the others and keeps this one; revoke-all ends all and clears the cookie', async () => {
    const { h, laptop, phone, desktop, bob } = await cast();
    const others = await h.call(laptop, 'POST', '/api/sessions/revoke-others', pw('ana'));
    expect([others.status, others.body]).toEqual([200, { revokedCount: 2 }]);
    expect(h.liveIds('ana')).toEqual([laptop.sessionId]);
    expect((await h.call(phone, 'GET', '/api/sessions')).status).toBe(401);
    expect((await h.call(desktop, 'GET', '/api/sessions')).status).toBe(401);
    await h.device('ana');
    const all = await h.call(laptop, 'POST', '/api/sessions/revoke-all', pw('ana'));
    expect([all.status, all.body]).toEqual([200, { revokedCount: 2 }]);
    expect(cleared(all.setCookies)).toBe(true);
    expect(h.liveIds('ana')).toEqual([]);
    expect(h.liveIds('bob')).toEqual([bob.sessionId]);
  });

  it('sign-out ends only this session and clears its cookie', async () => {
    const { h, laptop, phone } = await cast();
    const res = await h.call(laptop, 'POST', '/api/sessions/sign-out');
    expect(res.status).toBe(204);
    expect(cleared(res.setCookies)).toBe(true);
    expect(h.liveIds('ana')).not.toContain(laptop.sessionId);
    expect(h.liveIds('ana')).toContain(phone.sessionId);
  });

  it('asks for a fresh password where the host wants one, and reauthenticate makes it fresh', async () => {
    const h = createHarness({
      handler: { freshness: { maxAgeMs: 5 * MINUTE, actions: ['revokeOtherSessions', 'listSessions'] } },
    });
    const { laptop } = await cast(h);
    expect((await h.call(laptop, 'GET', '/api/sessions')).status).toBe(200);
    h.advance(10 * MINUTE);
    const stale = await h.call(laptop, 'POST', '/api/sessions/revoke-others', pw('ana'));
    expect([stale.status, stale.body.code]).toEqual([403, 'REAUTH_REQUIRED']);
    expect((await h.call(laptop, 'GET', '/api/sessions')).body.code).toBe('REAUTH_REQUIRED');
    expect(h.liveIds('ana')).toHaveLength(3);
    const wrong = await h.call(laptop, 'POST', '/api/sessions/reauthenticate', { password: 'nope' });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'INVALID_PASSWORD']);
    expect((await h.call(laptop, 'POST', '/api/sessions/reauthenticate', pw('ana'))).status).toBe(204);
    expect((await h.store.findById(laptop.sessionId))?.authenticatedAt).toBe(h.clock.now);
    const fresh = await h.call(laptop, 'POST', '/api/sessions/revoke-others', pw('ana'));
    expect([fresh.status, fresh.body]).toEqual([200, { revokedCount: 2 }]);
  });

  it('needs no password for an action the host set to none', async () => {
    const h = createHarness({ handler: { passwordRequirements: { revokeOtherSessions: 'none' } } });
    const { laptop } = await cast(h);
    const res = await h.call(laptop, 'POST', '/api/sessions/revoke-others', {});
    expect([res.status, res.body]).toEqual([200, { revokedCount: 2 }]);
  });
});

describe('guards', () => {
  it('refuses a POST without the CSRF header, or with one that does not match the cookie', async () => {
    const { h, laptop, phone } = await cast();
    const path = `/api/sessions/${phone.sessionId}/revoke`;
    const missing = await h.call(laptop, 'POST', path, pw('ana'), { csrf: false });
    const mismatched = await h.call(laptop, 'POST', path, pw('ana'), {
      headers: { 'x-xsrf-token': 'a'.repeat(40) },
    });
    for (const res of [missing, mismatched]) expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(h.liveIds('ana')).toHaveLength(3);
    expect((await h.call(laptop, 'GET', '/api/sessions', undefined, { csrf: false })).status).toBe(200);
  });

  it('checks the password before revoking anything', async () => {
    const { h, laptop, phone } = await cast();
    const calls = [
      ['/api/sessions/revoke-others', { password: 'wrong' }],
      ['/api/sessions/revoke-all', {}],
      [`/api/sessions/${phone.sessionId}/revoke`, { password: '' }],
    ] as const;
    for (const [path, body] of calls) {
      const res = await h.call(laptop, 'POST', path, body);
      expect([res.status, res.body.code]).toEqual([422, 'INVALID_PASSWORD']);
    }
    expect(h.liveIds('ana')).toHaveLength(3);
  });

  it('limits wrong passwords per session: its 6th answers 429, even the right one waits, others do not', async () => {
    const { h, laptop, phone, bob } = await cast();
    for (let i = 0; i < 5; i++) {
      const res = await h.call(laptop, 'POST', '/api/sessions/revoke-others', { password: `guess-${i}` });
      expect([res.status, res.body.code]).toEqual([422, 'INVALID_PASSWORD']);
    }
    for (const body of [{ password: 'guess-6' }, pw('ana')]) {
      const res = await h.call(laptop, 'POST', '/api/sessions/revoke-others', body);
      expect([res.status, res.body.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(res.headers.get('retry-after'))).toBe(15 * 60);
    }
    expect(h.liveIds('ana')).toHaveLength(3);
    // Ana's phone is not the laptop: its right password works at once. Bob is untouched too.
    expect((await h.call(bob, 'POST', '/api/sessions/revoke-others', { password: 'x' })).status).toBe(422);
    expect((await h.call(bob, 'POST', '/api/sessions/revoke-others', pw('bob'))).status).toBe(200);
    expect((await h.call(phone, 'POST', `/api/sessions/${laptop.sessionId}/revoke`, pw('ana'))).status).toBe(
      204,
    );
    expect((await h.call(laptop, 'GET', '/api/sessions')).status).toBe(401);
  });

  it('answers an unknown, an ended and another user’s id with the same 404', async () => {
    const { h, laptop, phone, bob } = await cast();
    await h.call(laptop, 'POST', `/api/sessions/${phone.sessionId}/revoke`, pw('ana'));
    const ids = ['ses_000000000000000000000000', phone.sessionId, bob.sessionId, 'x'.repeat(300), '%E0%A4%A'];
    const answers = [];
    for (const id of ids) {
      const res = await h.call(laptop, 'POST', `/api/sessions/${id}/revoke`, pw('ana'));
      answers.push({ status: res.status, text: res.text });
    }
    expect(answers[0]?.status).toBe(404);
    expect(JSON.parse(answers[0]?.text ?? '')).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    // Byte for byte: nothing in the answer tells "not yours" from "never existed".
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(h.liveIds('bob')).toEqual([bob.sessionId]);
    expect((await h.call(bob, 'GET', '/api/sessions')).status).toBe(200);
  });

  it.each<[string, string, string, unknown]>([
    ['a body that is not JSON', 'POST', '/api/sessions/revoke-others', '{"password":'],
    ['an array body', 'POST', '/api/sessions/revoke-others', '["ana-secret"]'],
    ['a password that is a number', 'POST', '/api/sessions/revoke-others', { password: 12345 }],
    ['limit=0', 'GET', '/api/admin/sessions?limit=0', undefined],
    ['limit=abc', 'GET', '/api/admin/sessions?limit=abc', undefined],
    ['sort=bogus', 'GET', '/api/admin/sessions?sort=bogus', undefined],
    ['status=bogus', 'GET', '/api/admin/sessions?status=bogus', undefined],
    ['direction=sideways', 'GET', '/api/admin/sessions?direction=sideways', undefined],
    ['a cursor that is garbage', 'GET', '/api/admin/sessions?cursor=garbage', undefined],
  ])('answers 400 with a code for %s, and changes nothing', async (_, method, path, body) => {
    const { h, laptop } = await cast();
    const res = await h.call(laptop, method, path, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'UNKNOWN', message: expect.any(String) });
    expect(h.liveIds('ana')).toHaveLength(3);
  });

  it('refuses an oversized body sent without Content-Length before reading all of it', async () => {
    const { h, laptop } = await cast();
    // 1 MiB in 1 KiB chunks, chunked (no Content-Length): the limit is 16 KiB.
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1024) controller.close();
        else controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
      },
    });
    const request = new Request('http://localhost/api/sessions/revoke-others', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        cookie: laptop.jar.header(),
        'x-xsrf-token': laptop.jar.cookies.get('XSRF-TOKEN') ?? '',
        'content-type': 'application/json',
      },
    } as RequestInit);
    const res = await h.handler(request);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: 'UNKNOWN', message: expect.any(String) });
    // Reading stops soon after the limit instead of buffering the whole megabyte.
    expect(pulled).toBeLessThan(64);
    expect(h.liveIds('ana')).toHaveLength(3);
  });

  it('refuses a cursor sent back with another sort or filter', async () => {
    const { h, laptop } = await cast();
    const first = await h.call(laptop, 'GET', '/api/admin/sessions?limit=1&sort=createdAt');
    const cursor = encodeURIComponent(first.body.nextCursor);
    expect(
      (await h.call(laptop, 'GET', `/api/admin/sessions?limit=1&sort=createdAt&cursor=${cursor}`)).status,
    ).toBe(200);
    for (const query of ['sort=expiresAt', 'sort=createdAt&direction=asc', 'sort=createdAt&search=mac']) {
      const res = await h.call(laptop, 'GET', `/api/admin/sessions?limit=1&${query}&cursor=${cursor}`);
      expect([res.status, res.body.code]).toEqual([400, 'UNKNOWN']);
    }
  });

  it('answers 404 NOT_FOUND for unknown routes and methods', async () => {
    const { h, laptop } = await cast();
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api/sessions/revoke-all'],
      ['DELETE', '/api/sessions'],
      ['POST', '/api/sessions/a/b/revoke'],
      ['GET', '/elsewhere/sessions'],
    ] as const) {
      const res = await h.call(laptop, method, path);
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 404, 'NOT_FOUND']);
    }
  });

  it('sends Cache-Control: no-store on every response, errors included', async () => {
    const { h, laptop, bob } = await cast();
    await h.call(null, 'GET', '/api/sessions');
    await h.call(laptop, 'POST', '/api/sessions/revoke-others', '[1]');
    await h.call(laptop, 'POST', '/api/sessions/revoke-others', {}, { csrf: false });
    await h.call(bob, 'GET', '/api/admin/stats');
    await h.call(laptop, 'POST', '/api/sessions/nope/revoke', pw('ana'));
    for (let i = 0; i < 6; i++) await h.call(laptop, 'POST', '/api/sessions/reauthenticate', {});
    await h.call(laptop, 'GET', '/api/admin/stats');
    await h.call(laptop, 'POST', '/api/sessions/sign-out');
    const statuses = new Set(h.responses.map((r) => r.status));
    expect([...statuses].sort()).toEqual([200, 204, 400, 401, 403, 404, 422, 429]);
    for (const res of h.responses) expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('admin routes', () => {
  const adminRoutes = (id: string) =>
    [
      ['GET', '/api/admin/sessions'],
      ['GET', '/api/admin/stats'],
      ['GET', `/api/admin/sessions/${id}`],
      ['POST', `/api/admin/sessions/${id}/revoke`],
      ['POST', `/api/admin/users/${USERS.ana.id}/revoke-sessions`],
    ] as const;

  it('answers 403 FORBIDDEN to a non-admin and 401 to no session on every admin route', async () => {
    const { h, laptop, bob } = await cast();
    const visitor = await h.guest();
    for (const [method, path] of adminRoutes(laptop.sessionId)) {
      const body = method === 'POST' ? {} : undefined;
      const asBob = await h.call(bob, method, path, body);
      expect([path, asBob.status, asBob.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      const asNobody = await h.call(visitor, method, path, body);
      expect([path, asNobody.status, asNobody.body.code]).toEqual([path, 401, 'UNAUTHORIZED']);
    }
    expect(h.liveIds('ana')).toHaveLength(3);
  });

  const orders = ['lastActiveAt', 'createdAt', 'expiresAt'].flatMap((s) => [`${s} desc`, `${s} asc`]);
  it.each(orders)('pages through every active session exactly once, in order, by %s', async (order) => {
    const [sort, direction] = order.split(' ') as ['lastActiveAt' | 'createdAt' | 'expiresAt', string];
    const h = createHarness();
    const devices = [await h.device('ana')];
    // Sign-ins three to an instant: ties on every sort key, which only the id tie-break can order.
    for (let i = 0; i < 15; i++) {
      if (i % 3 === 0) h.advance(1000);
      devices.push(await h.device((['ana', 'bob', 'cy'] as const)[i % 3] ?? 'cy'));
    }
    // Later requests from some devices slide lastActiveAt and expiresAt away from createdAt.
    h.advance(2 * MINUTE);
    for (const i of [0, 4, 9, 13]) await h.call(devices[i] ?? null, 'GET', '/api/sessions');
    // An expired row the active view must leave out.
    const seed = await h.store.findById(devices[1]?.sessionId ?? '');
    if (seed) await h.store.createSession({ ...seed, id: 'ses_x', tokenHash: 'f'.repeat(64), expiresAt: T0 });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = `sort=${sort}&direction=${direction}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await h.call(devices[0] ?? null, 'GET', `/api/admin/sessions?${query}`);
      expect([res.status, res.body.total]).toEqual([200, 16]);
      seen.push(...res.body.sessions.map((s: { id: string }) => s.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    const rows = (await Promise.all(devices.map((d) => h.store.findById(d.sessionId)))).flatMap((r) =>
      r ? [r] : [],
    );
    const sign = direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => sign * (a[sort] - b[sort] || (a.id < b.id ? -1 : 1)));
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('searches by IP, user agent substring and the user’s email; % and _ are literal', async () => {
    const h = createHarness();
    const admin = await h.device('ana', UA.chromeMac, '10.0.0.1');
    const bobPhone = await h.device('bob', UA.safariIphone, '203.0.113.50');
    const bobPc = await h.device('bob', UA.firefoxWindows, '198.51.100.4');
    const cy = await h.device('cy', UA.firefoxWindows, '203.0.113.77');
    const search = async (text: string) => {
      const res = await h.call(admin, 'GET', `/api/admin/sessions?search=${encodeURIComponent(text)}`);
      expect(res.body.total).toBe(res.body.sessions.length);
      return res.body.sessions.map((s: { id: string }) => s.id).sort();
    };
    const idsOf = (...devices: { sessionId: string }[]) => devices.map((d) => d.sessionId).sort();
    expect(await search('203.0.113.')).toEqual(idsOf(bobPhone, cy));
    expect(await search('FIREFOX')).toEqual(idsOf(bobPc, cy));
    expect(await search('bob@example')).toEqual(idsOf(bobPhone, bobPc));
    // Apple UAs carry "10_15_7" and "17_5"; an unescaped _ would match every row.
    expect(await search('_')).toEqual(idsOf(admin, bobPhone));
    expect(await search('%')).toEqual([]);
    // An activity write moves the row's IP, and the search follows it.
    h.advance(2 * MINUTE);
    bobPc.ip = '192.0.2.200';
    await h.call(bobPc, 'GET', '/api/sessions');
    expect(await search('192.0.2.200')).toEqual(idsOf(bobPc));
    expect(await search('198.51.100')).toEqual([]);
    // A substring of the IP *or* the user agent: text spanning the end of one and the start of the
    // other ("…0.1" + "Mozilla…") is in neither field and must not match.
    expect(await search('0.1 Mozilla')).toEqual([]);
  });

  it('answers stats equal to counting the store', async () => {
    const { h, laptop, phone } = await cast();
    await h.device('cy');
    const seed = await h.store.findById(phone.sessionId);
    if (!seed) throw new Error('seed session missing');
    await h.store.createSession({
      ...seed,
      id: 'ses_old',
      tokenHash: 'e'.repeat(64),
      createdAt: T0 - 40 * 86_400_000,
      expiresAt: T0 - 1,
    });
    await h.call(laptop, 'POST', `/api/sessions/${phone.sessionId}/revoke`, pw('ana'));
    const res = await h.call(laptop, 'GET', '/api/admin/stats');
    const count = (sql: string, at = h.clock.now) =>
      (h.db.prepare(`SELECT ${sql} AS n FROM profilekit_sessions`).get(at) as { n: number }).n;
    expect(res.body).toEqual({
      totalActive: count('sum(expires_at > ?)'),
      uniqueUsers: count('count(DISTINCT user_id) FILTER (WHERE expires_at > ?)'),
      expired: count('sum(expires_at <= ?)'),
      // "Today" is the server's local day, as the contract says.
      startedToday: count('sum(created_at >= ?)', new Date(h.clock.now).setHours(0, 0, 0, 0)),
    });
    expect(res.body).toEqual({ totalActive: 4, uniqueUsers: 3, expired: 1, startedToday: 4 });
  });

  it('revokes any user’s session (its device then 401) and a user’s every session, with the count', async () => {
    const { h, laptop, bob } = await cast();
    const bob2 = await h.device('bob');
    const cy = await h.device('cy');
    expect((await h.call(laptop, 'POST', `/api/admin/sessions/${cy.sessionId}/revoke`, {})).status).toBe(204);
    expect((await h.call(cy, 'GET', '/api/sessions')).status).toBe(401);
    const again = await h.call(laptop, 'POST', `/api/admin/sessions/${cy.sessionId}/revoke`, {});
    expect([again.status, again.body.code]).toEqual([404, 'NOT_FOUND']);
    const all = await h.call(laptop, 'POST', `/api/admin/users/${USERS.bob.id}/revoke-sessions`, {});
    expect([all.status, all.body]).toEqual([200, { revokedCount: 2 }]);
    for (const d of [bob, bob2]) expect((await h.call(d, 'GET', '/api/sessions')).status).toBe(401);
    expect(h.liveIds('ana')).toHaveLength(3);
  });

  it('shows one session with an 8-character token preview and its user, never the token', async () => {
    const { h, laptop, bob } = await cast();
    const cy = await h.device('cy');
    const res = await h.call(laptop, 'GET', `/api/admin/sessions/${bob.sessionId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: bob.sessionId,
      isCurrent: false,
      tokenPreview: bob.token.slice(0, 8),
      user: { id: USERS.bob.id, email: USERS.bob.email, name: USERS.bob.name },
      device: { browser: 'Firefox', os: 'Windows', type: 'desktop' },
    });
    expect(res.body.tokenPreview).toHaveLength(8);
    expect(res.text).not.toContain(bob.token);
    const own = await h.call(laptop, 'GET', `/api/admin/sessions/${cy.sessionId}`);
    expect(own.body.user).toEqual({ id: USERS.cy.id, email: USERS.cy.email, name: null });
    const missing = await h.call(laptop, 'GET', '/api/admin/sessions/ses_nope');
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
