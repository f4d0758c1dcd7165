import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';

/** A loopback server answering whatever the current test scripts: the junk a broken backend sends. */
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
let server: Server;
let baseUrl: string;
const seen: { method?: string; url?: string; body: string; headers: IncomingMessage['headers'] }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, headers: req.headers });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const reply =
  (status: number, body?: string, headers: Record<string, string> = {}) =>
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  };
const provider = (timeoutMs?: number) =>
  createRestSessionsProvider({ baseUrl, csrf: () => 'tok', timeoutMs });
const list = (timeoutMs?: number) =>
  provider(timeoutMs).listSessions?.({ signal: new AbortController().signal });

describe('REST adapter: every status and every kind of junk maps to a SessionsError', () => {
  it.each([
    [401, '{"code":"UNAUTHORIZED","message":"no"}', 'UNAUTHORIZED'],
    [403, '{"code":"REAUTH_REQUIRED","message":"fresh"}', 'REAUTH_REQUIRED'],
    [403, '{"code":"FORBIDDEN","message":"csrf"}', 'FORBIDDEN'],
    [403, '', 'FORBIDDEN'],
    [404, '{"code":"NOT_FOUND","message":"gone"}', 'NOT_FOUND'],
    [422, '{"code":"INVALID_PASSWORD","message":"bad"}', 'INVALID_PASSWORD'],
    [400, '{"code":"UNKNOWN","message":"malformed"}', 'UNKNOWN'],
    [500, '<html>boom</html>', 'UNKNOWN'],
    [502, '', 'NETWORK'],
    [503, '{"message":"maintenance"}', 'NETWORK'],
    [504, '', 'NETWORK'],
  ])('%i %s → %s', async (status, body, code) => {
    answer = reply(status, body);
    await expect(list()).rejects.toMatchObject({ code, status });
  });

  it('429 carries Retry-After in seconds', async () => {
    answer = reply(429, '{"code":"RATE_LIMITED","message":"slow down"}', { 'Retry-After': '42' });
    await expect(list()).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 42 });
  });

  it.each([
    ['not JSON', 'hello'],
    ['a list that is not one', '{"sessions":"x"}'],
    ['nothing', ''],
  ])('a 200 with %s is INVALID_RESPONSE', async (_what, body) => {
    answer = reply(200, body);
    await expect(list()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('a count that is not a number is INVALID_RESPONSE', async () => {
    answer = reply(200, '{"revokedCount":"3"}');
    await expect(provider().revokeOtherSessions?.({})).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('a server that never answers is NETWORK after the timeout', async () => {
    answer = () => {};
    await expect(list(200)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('a refused connection is NETWORK', async () => {
    const dead = createRestSessionsProvider({ baseUrl: 'http://127.0.0.1:9/api' });
    await expect(dead.listSessions?.({ signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });

  it('sends the password only in the POST body, with the CSRF header, and encodes the id', async () => {
    answer = reply(204);
    seen.length = 0;
    await provider().revokeSession?.({ sessionId: 'a/b?c', password: 'pw-in-body' });
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/sessions/a%2Fb%3Fc/revoke');
    expect(request?.url).not.toContain('pw-in-body');
    expect(JSON.parse(request?.body ?? '{}')).toEqual({ password: 'pw-in-body' });
    expect(request?.headers['x-xsrf-token']).toBe('tok');
  });
});
