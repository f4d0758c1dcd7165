/**
 * A host that keeps its own sessions: Fastify 5 + @fastify/session + @fastify/passport with Passport's local
 * strategy, its sessions in profilekit's SQLite store through createHostSessions (examples/fastify-session),
 * over real loopback HTTP. The conformance kit against it, and what its users notice (hostSessionFlow.ts).
 */
import { EventEmitter, once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createFastifyApp } from '../../examples/fastify-session/createFastifyApp.js';
import { openDb } from '../../examples/server/db.js';
import { DEMO_CREDENTIALS, seedDemo } from '../../examples/server/seed.js';
import { hashSessionToken } from '../../src/server/tokens.js';
import { hostSessionTests, twoSignedInBrowsers } from './hostSessionFlow.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** The example host on a loopback port; `extend` adds routes of the test's own before it listens. */
async function startHost(extend?: (app: FastifyInstance) => void) {
  const db = openDb(':memory:');
  await seedDemo(db, Date.now(), 0, { sessions: false });
  const store = createSqliteSessionStore(db);
  const host = createFastifyApp({ db, store });
  extend?.(host.app);
  const url = await host.app.listen({ port: 0, host: '127.0.0.1' });
  close = async () => {
    const closed = host.app.close();
    // An event stream the kit opened may still be open: close drops only idle connections.
    host.app.server.closeAllConnections();
    await closed;
  };
  return { ...host, store, url };
}

describe('a Fastify 5 + @fastify/session + @fastify/passport host, its sessions kept by createHostSessions', () => {
  hostSessionTests(startHost);

  it('a session signed out from another device is not stored again by its own request still in flight', async () => {
    // @fastify/session stores the session again as every response goes out (`rolling`): a request that read
    // the phone's session before the laptop ended it must not bring it back.
    // The test's own route: it tells which session it read, then waits for the test to let it answer.
    const gate = new EventEmitter();
    const { url, store } = await startHost((app) =>
      app.get('/api/slow', async (request) => {
        const released = once(gate, 'release');
        gate.emit('entered', request.session.sessionId);
        await released;
        return { signedIn: Boolean(request.user) };
      }),
    );
    const { laptop, phone, phoneId } = await twoSignedInBrowsers(url);
    const entered = once(gate, 'entered');
    const slow = phone('GET', '/api/slow');
    const [phoneSessionId] = (await entered) as [string];
    const phoneRecord = await hashSessionToken(phoneSessionId);
    expect(await store.readHostSession?.(phoneRecord)).toMatchObject({
      session: { userId: expect.any(String) },
    });
    expect(
      (await laptop('POST', `/api/sessions/${phoneId}/revoke`, { password: DEMO_CREDENTIALS.user.password }))
        .status,
    ).toBe(204);
    gate.emit('release');
    // It was signed in when it began; once it has answered, its session is gone for good.
    expect(await slow).toEqual({ status: 200, body: { signedIn: true } });
    // What is left under its hash is the mark of an ended session: no user, no row, no data of the host's.
    const left = await store.readHostSession?.(phoneRecord);
    expect(left?.session ?? null).toBeNull();
    expect(left?.data ?? '').not.toContain('passport');
    expect((await phone('GET', '/api/auth/me')).status).toBe(401);
    expect((await laptop('GET', '/api/sessions')).body.sessions).toHaveLength(1);
  });
});
