import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSetFingerprint } from '../../src/contract/events.js';
import { createSessionManager, createSessionsHandler, type SessionManager } from '../../src/server/index.js';
import { createSqliteSessionStore } from '../../src/server/sqlite/index.js';

let db: Database.Database;
let manager: SessionManager;
let handler: (request: Request) => Promise<Response>;
const XSRF = 'c'.repeat(40);

beforeEach(() => {
  db = new Database(':memory:');
  manager = createSessionManager({ store: createSqliteSessionStore(db), cookie: { secure: false } });
  handler = createSessionsHandler({
    manager,
    basePath: '/api',
    passwordRequirements: { revokeSession: 'none', revokeOtherSessions: 'none', revokeAllSessions: 'none' },
    verifyPassword: () => false,
  });
});
afterEach(() => db.close());

async function device(userId = 'usr_ana') {
  const { session, setCookie } = await manager.signIn({ userId, request: new Request('http://localhost/') });
  const cookie = `${setCookie.split(';')[0]}; XSRF-TOKEN=${XSRF}`;
  const call = (method: string, path: string) =>
    handler(
      new Request(`http://localhost/api${path}`, { method, headers: { cookie, 'x-xsrf-token': XSRF } }),
    );
  return { id: session.id, call };
}

/** Reads server-sent events off a stream as `{ event, data }` objects, one at a time. */
function eventsOf(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: Record<string, unknown> } | 'closed'> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) return { event, data: JSON.parse(data) };
          continue;
        }
        const { done, value } = await reader.read();
        if (done) return 'closed';
        buffer += decoder.decode(value, { stream: true });
      }
    },
  };
}

describe('GET /sessions/events', () => {
  it('tells a device about sign-ins and sign-outs of the same user, never of others', async () => {
    const a = await device();
    const response = await a.call('GET', '/sessions/events');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const events = eventsOf(response);
    // First, the name of the session set the server sees as the stream starts listening.
    expect(await events.next()).toEqual({
      event: 'connected',
      data: { fingerprint: sessionSetFingerprint([a.id]) },
    });
    await device('usr_someone_else');
    const b = await device();
    expect(await events.next()).toEqual({ event: 'session.started', data: { sessionId: b.id } });
    expect((await a.call('POST', `/sessions/${b.id}/revoke`)).status).toBe(204);
    expect(await events.next()).toEqual({
      event: 'session.ended',
      data: { sessionId: b.id, cause: 'revoked', bySessionId: a.id },
    });
  });

  it('tells the ended device itself that it was signed out, and by whom, then closes', async () => {
    const a = await device();
    const b = await device();
    const events = eventsOf(await a.call('GET', '/sessions/events'));
    expect(await events.next()).toMatchObject({ event: 'connected' });
    expect((await b.call('POST', '/sessions/revoke-others')).status).toBe(200);
    expect(await events.next()).toEqual({
      event: 'signed-out',
      data: { sessionId: a.id, cause: 'revoked-others', bySessionId: b.id },
    });
    expect(await events.next()).toBe('closed');
    expect((await a.call('GET', '/sessions/events')).status).toBe(401);
  });

  it('needs a session', async () => {
    const response = await handler(new Request('http://localhost/api/sessions/events'));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
