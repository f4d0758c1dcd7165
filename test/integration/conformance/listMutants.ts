import {
  copy,
  forbidsForeign,
  isList,
  type Json,
  json,
  type MutantCase,
  revokedId,
  rewrite,
  sessionCookie,
} from './mutantHelpers.js';

/** Mutants of the reads and of the requests a conforming server refuses. */
export const listMutants: MutantCase[] = [
  {
    name: 'advertises no password while it asks for one',
    breaks: 'password-policy',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      const none = { revokeSession: 'none', revokeOtherSessions: 'none', revokeAllSessions: 'none' };
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path === '/api/sessions/policy' && response.status === 200)
        return rewrite(response, (policy) => ({ ...policy, password: none }));
      if (isList(request) && response.status === 200)
        return rewrite(response, (body) => ({
          ...body,
          policy: { ...(body.policy as object), password: none },
        }));
      return response;
    },
  },
  {
    name: 'answers a policy with the password requirements missing',
    breaks: 'policy-advertised',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      const path = new URL(request.url).pathname;
      return request.method === 'GET' && path === '/api/sessions/policy' && response.status === 200
        ? rewrite(response, ({ password: _password, ...rest }) => rest)
        : response;
    },
  },
  {
    name: 'answers 204 to a revoke of an unknown id',
    breaks: 'unknown-id-404',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return revokedId(request) && response.status === 404 ? new Response(null, { status: 204 }) : response;
    },
  },
  {
    name: 'strips `code` from a 422 body',
    breaks: 'errors-have-code',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return response.status === 422 ? rewrite(response, ({ message }) => ({ message })) : response;
    },
  },
  {
    name: 'lets a POST without the CSRF header through (adds it)',
    breaks: 'csrf-required',
    mutant: () => (next) => async (request) => {
      if (request.method !== 'POST' || request.headers.has('X-XSRF-TOKEN')) return next(request);
      const token = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? '';
      const headers = new Headers(request.headers);
      headers.set('X-XSRF-TOKEN', decodeURIComponent(token));
      return next(copy(request, await request.text(), request.url, headers));
    },
  },
  {
    name: "answers 403 to another user's session id",
    breaks: 'foreign-id-404',
    mutant: () => forbidsForeign(revokedId),
  },
  {
    name: 'drops Cache-Control: no-store',
    breaks: 'no-store',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      const headers = new Headers(response.headers);
      headers.delete('Cache-Control');
      return new Response(response.body, { status: response.status, headers });
    },
  },
  {
    name: "puts the caller's token in the list",
    breaks: 'no-token-in-list',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      if (!isList(request) || response.status !== 200) return response;
      return rewrite(response, (body) => ({ ...body, debugToken: sessionCookie(request) }));
    },
  },
  {
    name: 'keeps serving a revoked session its last list (a stale cache)',
    breaks: 'revoke-one',
    mutant: () => (next) => {
      const cache = new Map<string, string>();
      return async (request) => {
        const response = await next(request);
        const key = sessionCookie(request);
        if (!isList(request) || key === undefined) return response;
        if (response.status === 200) cache.set(key, await response.clone().text());
        const stale = cache.get(key);
        return response.status === 401 && stale
          ? new Response(stale, { status: 200, headers: response.headers })
          : response;
      };
    },
  },
  {
    name: 'marks no session as current',
    breaks: 'current-marked',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      if (!isList(request) || response.status !== 200) return response;
      return rewrite(response, ({ currentSessionId: _, ...body }) => ({
        ...body,
        sessions: body.sessions?.map((s) => ({ ...s, isCurrent: false })),
      }));
    },
  },
  {
    name: 'sends createdAt as "yesterday"',
    breaks: 'list-shape',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      if (!isList(request) || response.status !== 200) return response;
      return rewrite(response, (body) => ({
        ...body,
        sessions: body.sessions?.map((s) => ({ ...s, createdAt: 'yesterday' })),
      }));
    },
  },
  {
    name: 'signs in a cookie that carries a session id',
    breaks: 'opaque-id',
    mutant: () => (next) => {
      const tokenOf = new Map<string, string>();
      return async (request) => {
        const cookie = sessionCookie(request);
        const token = cookie === undefined ? undefined : tokenOf.get(decodeURIComponent(cookie));
        if (token) {
          const headers = new Headers(request.headers);
          headers.set('Cookie', `pk_session=${token}`);
          return next(new Request(request.url, { method: request.method, headers }));
        }
        const response = await next(request);
        if (isList(request) && response.status === 200 && cookie) {
          const body = (await response.clone().json()) as Json;
          tokenOf.set(String(body.currentSessionId), cookie);
        }
        return response;
      };
    },
  },
  {
    name: 'crashes (500) on a control character in an id',
    breaks: 'malformed-id-404-or-400',
    mutant: () => (next) => async (request) =>
      [...(revokedId(request) ?? '')].some((character) => character.charCodeAt(0) < 0x20)
        ? json(500, { code: 'UNKNOWN', message: 'driver error' })
        : next(request),
  },
  {
    name: 'reads a malformed body as {}',
    breaks: 'bad-body-400',
    mutant: () => (next) => async (request) => {
      if (request.method !== 'POST') return next(request);
      const text = await request.text();
      let ok = false;
      try {
        const parsed: unknown = JSON.parse(text);
        ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      } catch {
        ok = text.trim() === '';
      }
      return next(copy(request, ok ? text : '{}'));
    },
  },
];
