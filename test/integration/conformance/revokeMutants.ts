import { DEMO_CREDENTIALS } from '../../../examples/server/seed.js';
import {
  copy,
  isPost,
  json,
  listTracker,
  type MutantCase,
  pathOf,
  revokedId,
  rewrite,
  sessionCookie,
} from './mutantHelpers.js';

const { password } = DEMO_CREDENTIALS.user;
const NOT_FOUND = { code: 'NOT_FOUND', message: 'No such session.' };

/** The body's password, when it is a JSON object that has one. */
function passwordIn(text: string): unknown {
  try {
    return (JSON.parse(text) as { password?: unknown }).password;
  } catch {
    return undefined;
  }
}

/** Mutants of the password checks, the revokes, the admin endpoints and the sweeps. */
export const revokeMutants: MutantCase[] = [
  {
    name: 'answers a revoke without a password with a 400 validation error',
    breaks: 'password-policy',
    mutant: () => (next) => async (request) => {
      if (!revokedId(request)) return next(request);
      const text = await request.text();
      return passwordIn(text) === undefined
        ? json(400, { code: 'UNKNOWN', message: 'password: required' })
        : next(copy(request, text));
    },
  },
  {
    name: 'accepts a wrong password',
    breaks: 'wrong-password-422',
    mutant: () => (next) => async (request) => {
      if (request.method !== 'POST') return next(request);
      const text = await request.text();
      const given = passwordIn(text);
      const body =
        typeof given === 'string' && given !== password ? { ...JSON.parse(text), password } : undefined;
      return next(copy(request, body ? JSON.stringify(body) : text));
    },
  },
  {
    name: 'checks the password of revoke-others only after revoking',
    breaks: 'password-before-revoke-others',
    mutant: () => (next) => async (request) => {
      if (!isPost(request, '/api/sessions/revoke-others')) return next(request);
      const text = await request.text();
      if (passwordIn(text) === password) return next(copy(request, text));
      await next(copy(request, JSON.stringify({ password })));
      return json(422, { code: 'INVALID_PASSWORD', message: 'The password is not correct.' });
    },
  },
  {
    name: 'answers 410 to an id that was revoked',
    breaks: 'revoked-again-404',
    mutant: () => (next) => {
      const lists = listTracker(next);
      return async (request) => {
        const response = await lists.handler(request);
        const id = revokedId(request);
        return id && response.status === 404 && lists.ownedBy(request, id) ? json(410, NOT_FOUND) : response;
      };
    },
  },
  {
    name: 'answers 200 {ok:true} to a revoke',
    breaks: 'revoke-one',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return revokedId(request) && response.status === 204 ? json(200, { ok: true }) : response;
    },
  },
  {
    name: "ends the caller's own session on revoke-others",
    breaks: 'revoke-others',
    mutant: () => (next) => async (request) => {
      if (!isPost(request, '/api/sessions/revoke-others')) return next(request);
      const text = await request.text();
      const response = await next(copy(request, text));
      if (response.status === 200)
        await next(copy(request, text, request.url.replace('revoke-others', 'revoke-all')));
      return response;
    },
  },
  {
    name: 'only clears the cookie on revoke-all',
    breaks: 'revoke-all',
    mutant: () => (next) => async (request) =>
      isPost(request, '/api/sessions/revoke-all')
        ? json(200, { revokedCount: 1 }, { 'Set-Cookie': 'pk_session=; Max-Age=0; Path=/' })
        : next(request),
  },
  {
    name: 'leaves the session cookie set after revoke-all',
    breaks: 'revoke-all',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      if (!isPost(request, '/api/sessions/revoke-all')) return response;
      const headers = new Headers(response.headers);
      headers.delete('Set-Cookie');
      return new Response(response.body, { status: response.status, headers });
    },
  },
  {
    name: 'never rate-limits wrong passwords',
    breaks: 'rate-limit',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return response.status === 429
        ? json(422, { code: 'INVALID_PASSWORD', message: 'Wrong password.' })
        : response;
    },
  },
  {
    // The old rule of the reference server: one tally per user, and a 429 for the right password too.
    name: "counts wrong passwords per user, so a stolen session locks its owner's others",
    breaks: 'lockout-per-session',
    mutant: () => (next) => {
      let userFailures = 0;
      return async (request) => {
        if (userFailures >= 5 && request.method === 'POST' && pathOf(request).startsWith('/api/sessions/'))
          return json(
            429,
            { code: 'RATE_LIMITED', message: 'Too many wrong passwords.' },
            { 'Retry-After': '900' },
          );
        const response = await next(request);
        if (response.status === 422 || response.status === 429) userFailures += 1;
        return response;
      };
    },
  },
  {
    name: 'opens any number of event streams',
    breaks: 'event-stream-cap',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      if (response.status !== 429 || pathOf(request) !== '/api/sessions/events') return response;
      // What an uncapped server answers: one more open, silent stream.
      const silent = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(': connected\n\n'));
        },
      });
      return new Response(silent, {
        status: 200,
        headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
      });
    },
  },
  {
    name: 'opens the admin endpoints to every user',
    breaks: 'admin-forbidden',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return pathOf(request).startsWith('/api/admin/') && response.status === 403
        ? json(200, { sessions: [], nextCursor: null, total: 0 })
        : response;
    },
  },
  {
    name: 'ignores the admin cursor (every page is the first)',
    breaks: 'admin-list',
    mutant: () => (next) => async (request) => {
      const url = new URL(request.url);
      if (url.pathname !== '/api/admin/sessions') return next(request);
      url.searchParams.delete('cursor');
      return next(new Request(url, { headers: request.headers }));
    },
  },
  {
    name: 'accepts any admin cursor and sort',
    breaks: 'admin-bad-cursor-400',
    mutant: () => (next) => async (request) => {
      const url = new URL(request.url);
      if (url.pathname !== '/api/admin/sessions') return next(request);
      const response = await next(request);
      return response.status === 400 ? json(200, { sessions: [], nextCursor: null, total: 0 }) : response;
    },
  },
  {
    name: 'sends the admin stats as strings',
    breaks: 'admin-stats',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      if (pathOf(request) !== '/api/admin/stats' || response.status !== 200) return response;
      return rewrite(response, (body) =>
        Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])),
      );
    },
  },
  {
    name: 'redirects a request without a cookie to /login',
    breaks: 'unauthenticated-401',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return response.status === 401 && !request.headers.has('Cookie')
        ? new Response(null, { status: 302, headers: { Location: '/login' } })
        : response;
    },
  },
  {
    name: "echoes the caller's token in every 404",
    breaks: 'no-token-anywhere',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return response.status === 404
        ? rewrite(response, (body) => ({ ...body, token: sessionCookie(request) }))
        : response;
    },
  },
  {
    name: 'answers 503 to the admin stats',
    breaks: 'no-5xx',
    mutant: () => (next) => async (request) =>
      pathOf(request) === '/api/admin/stats'
        ? json(503, { code: 'UNKNOWN', message: 'Stats are warming up.' })
        : next(request),
  },
  {
    name: 'answers the event stream as a JSON document',
    breaks: 'live-events-open',
    mutant: () => (next) => async (request) =>
      pathOf(request) === '/api/sessions/events' ? json(200, { events: [] }) : next(request),
  },
  {
    name: 'keeps the event stream open but never tells a device it was signed out',
    breaks: 'live-events',
    mutant: () => (next) => async (request) => {
      if (pathOf(request) !== '/api/sessions/events') return next(request);
      const response = await next(request);
      // Drops every frame: the stream stays open and silent.
      const silent = response.body?.pipeThrough(new TransformStream({ transform() {} }));
      return new Response(silent, { status: response.status, headers: response.headers });
    },
  },
];
