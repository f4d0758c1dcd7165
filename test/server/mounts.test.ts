/**
 * The same handler behind the three ways a Node host mounts it, over real loopback HTTP: the peer address
 * reaches the session row, CSRF holds, and several Set-Cookie headers survive each adapter.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { setClientAddress, toFetchRequest, toNodeListener, writeFetchResponse } from 'profilekit/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, createJar, type Harness, UA, USERS } from './harness.js';

type FetchHandler = (request: Request) => Promise<Response>;
type Mount = (handler: FetchHandler, signIn: FetchHandler) => Server | Promise<Server>;

const listening = (server: Server) =>
  new Promise<Server>((resolve) => {
    if (server.listening) resolve(server);
    else server.once('listening', () => resolve(server));
  });

// Each mount serves the sessions handler under /api and a host sign-in route at POST /signin that
// goes through the same adapter, so the new session's row records the adapter's peer address.
const MOUNTS: Record<string, Mount> = {
  'node:http via toNodeListener': (handler, signIn) => {
    const api = toNodeListener(handler);
    const server = createServer((req, res) => {
      if (req.url === '/signin') void signIn(toFetchRequest(req)).then((r) => writeFetchResponse(r, res));
      else api(req, res);
    });
    return listening(server.listen(0, '127.0.0.1'));
  },
  'Hono via @hono/node-server': (handler, signIn) => {
    const app = new Hono<{ Bindings: { incoming: IncomingMessage } }>();
    app.use('*', async (c, next) => {
      setClientAddress(c.req.raw, c.env.incoming.socket.remoteAddress);
      await next();
    });
    app.post('/signin', (c) => signIn(c.req.raw));
    app.all('/api/*', (c) => handler(c.req.raw));
    return listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
  },
  'Express 5 via app.use': (handler, signIn) => {
    const app = express();
    app.post('/signin', toNodeListener(signIn));
    app.use('/api', toNodeListener(handler));
    return listening(app.listen(0, '127.0.0.1'));
  },
  // The usual app: a JSON body parser for every route, the contract mounted after it.
  'Express 5 behind express.json()': (handler, signIn) => {
    const app = express();
    app.use(express.json());
    app.post('/signin', toNodeListener(signIn));
    app.use('/api', toNodeListener(handler));
    return listening(app.listen(0, '127.0.0.1'));
  },
};

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) =>
    server ? server.close(() => resolve()).closeAllConnections() : resolve(),
  );
  server = undefined;
});

/** A browser over real HTTP: its own jar, its user agent. */
function browser(base: string) {
  const jar = createJar();
  const request = async (method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}) => {
    const headers: Record<string, string> = { 'user-agent': UA.chromeMac };
    if (jar.cookies.size > 0) headers.cookie = jar.header();
    const xsrf = jar.cookies.get('XSRF-TOKEN');
    if ((options.csrf ?? method !== 'GET') && xsrf) headers['x-xsrf-token'] = xsrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookies = response.headers.getSetCookie();
    jar.apply(setCookies);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      setCookies,
      body: text ? JSON.parse(text) : null,
    };
  };
  return { jar, request };
}

async function start(mount: Mount, h: Harness) {
  const signIn: FetchHandler = async (request) => {
    const { setCookie } = await h.manager.signIn({ userId: USERS.ana.id, request });
    return new Response(null, { status: 204, headers: { 'set-cookie': setCookie } });
  };
  server = await mount(h.handler, signIn);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.each(Object.entries(MOUNTS))('%s', (_, mount) => {
  it('records the peer address and serves the list over real HTTP', async () => {
    const h = createHarness();
    const base = await start(mount, h);
    const tab = browser(base);
    expect((await tab.request('POST', '/signin')).status).toBe(204);
    const res = await tab.request('GET', '/api/sessions');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.sessions).toHaveLength(1);
    expect(res.body.sessions[0]).toMatchObject({
      isCurrent: true,
      ipAddress: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/),
      userAgent: UA.chromeMac,
      device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    });
  });

  it('hands out the XSRF-TOKEN cookie on a first request and holds POSTs to it', async () => {
    const h = createHarness();
    const base = await start(mount, h);
    const tab = browser(base);
    await tab.request('POST', '/signin');
    const first = await tab.request('GET', '/api/sessions');
    const xsrf = first.setCookies.find((line) => line.startsWith('XSRF-TOKEN='));
    expect(xsrf).toMatch(/^XSRF-TOKEN=[0-9a-f]{40}; Path=\/; SameSite=Lax$/);
    await browser(base).request('POST', '/signin'); // a second device
    const [other = ''] = h.liveIds('ana').filter((id) => id !== first.body.currentSessionId);
    const refused = await tab.request(
      'POST',
      `/api/sessions/${other}/revoke`,
      { password: 'ana-secret' },
      {
        csrf: false,
      },
    );
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(h.liveIds('ana')).toHaveLength(2);
    const revoked = await tab.request('POST', `/api/sessions/revoke-others`, { password: 'ana-secret' });
    expect([revoked.status, revoked.body]).toEqual([200, { revokedCount: 1 }]);
  });

  it('keeps every Set-Cookie header: revoke-all clears the session, a stale request gets two cookies', async () => {
    const h = createHarness();
    const base = await start(mount, h);
    const tab = browser(base);
    await tab.request('POST', '/signin');
    await tab.request('GET', '/api/csrf');
    const token = tab.jar.cookies.get('pk_session');
    const all = await tab.request('POST', '/api/sessions/revoke-all', { password: 'ana-secret' });
    expect([all.status, all.body]).toEqual([200, { revokedCount: 1 }]);
    expect(all.setCookies.filter((line) => /^pk_session=;.*Max-Age=0/.test(line))).toHaveLength(1);
    expect(tab.jar.cookies.has('pk_session')).toBe(false);
    // The ended cookie again, with no CSRF cookie yet: the 401 clears the one and issues the other.
    const stale = browser(base);
    stale.jar.cookies.set('pk_session', token ?? '');
    const res = await stale.request('GET', '/api/sessions');
    expect([res.status, res.body.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(res.setCookies).toHaveLength(2);
    expect(res.setCookies.some((line) => /^pk_session=;.*Max-Age=0/.test(line))).toBe(true);
    expect(res.setCookies.some((line) => /^XSRF-TOKEN=[0-9a-f]{40};/.test(line))).toBe(true);
  });
});

/** One raw HTTP/1.1 exchange: fetch cannot send a malformed Host header. */
function rawRequest(port: number, head: string) {
  return new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const [headers = '', ...rest] = data.split('\r\n\r\n');
      // The body may come chunked: keep the JSON object between its braces.
      const joined = rest.join('\r\n\r\n');
      const body = joined.slice(joined.indexOf('{'), joined.lastIndexOf('}') + 1);
      resolve({ status: Number(headers.split(' ')[1]), headers: headers.toLowerCase(), body });
    });
  });
}

describe.each(['node:http via toNodeListener', 'Express 5 via app.use'])('%s, hostile requests', (name) => {
  // The Host header is the client's: one that is no valid URL host is bad input (4xx), not a server error.
  it('answers a 4xx {code,message} with no-store to a Host header that is no URL host', async () => {
    const h = createHarness();
    const port = Number(new URL(await start(MOUNTS[name] as Mount, h)).port);
    for (const host of ['a b', '']) {
      const res = await rawRequest(port, `GET /api/sessions HTTP/1.1\r\nHost: ${host}`);
      expect(res.status, `Host ${JSON.stringify(host)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `Host ${JSON.stringify(host)}`).toBeLessThan(500);
      expect(JSON.parse(res.body)).toEqual({ code: expect.any(String), message: expect.any(String) });
      expect(res.headers).toContain('cache-control: no-store');
    }
  });
});
