import { DEMO_CREDENTIALS } from '../../../examples/server/seed.js';
import {
  copy,
  isList,
  isPost,
  type Json,
  json,
  type MutantCase,
  pathOf,
  rewrite,
  sessionCookie,
} from './mutantHelpers.js';

const { password } = DEMO_CREDENTIALS.user;

const isAdminList = (request: Request) =>
  request.method === 'GET' && pathOf(request) === '/api/admin/sessions';
const bodyOf = async (request: Request) => {
  const text = await request.text();
  try {
    return { text, json: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { text, json: {} as Record<string, unknown> };
  }
};

/** Mutants of the rules issue 21 added: each breaks one rule the Django trial's kit let through. */
export const accountMutants: MutantCase[] = [
  {
    name: 'accepts any password to re-authenticate',
    breaks: 'reauthenticate',
    mutant: () => (next) => async (request) => {
      if (!isPost(request, '/api/sessions/reauthenticate')) return next(request);
      return next(copy(request, JSON.stringify({ password })));
    },
  },
  {
    name: 'ignores applicationId on the list',
    breaks: 'application-id',
    mutant: () => (next) => async (request) => {
      if (!isList(request)) return next(request);
      const url = new URL(request.url);
      url.searchParams.delete('applicationId');
      return next(new Request(url, request));
    },
  },
  {
    name: 'ignores applicationId on revoke-others',
    breaks: 'application-id',
    mutant: () => (next) => async (request) => {
      if (!isPost(request, '/api/sessions/revoke-others')) return next(request);
      const { json: body } = await bodyOf(request);
      const { applicationId: _ignored, ...rest } = body;
      return next(copy(request, JSON.stringify(rest)));
    },
  },
  {
    name: "signs every session of the user out on sign-out, not only the caller's",
    breaks: 'sign-out',
    mutant: () => (next) => async (request) => {
      if (!isPost(request, '/api/sessions/sign-out')) return next(request);
      const all = await next(
        copy(request, JSON.stringify({ password }), request.url.replace('/sign-out', '/revoke-all')),
      );
      return new Response(null, { status: 204, headers: all.headers });
    },
  },
  {
    name: "lists every user's sessions",
    breaks: 'own-sessions-only',
    mutant: () => (next) => {
      const seen = new Map<string, Json['sessions']>();
      return async (request) => {
        const response = await next(request);
        if (!isList(request) || response.status !== 200) return response;
        const body = (await response.clone().json()) as Json;
        seen.set(sessionCookie(request) ?? '', body.sessions ?? []);
        const others = [...seen]
          .filter(([cookie]) => cookie !== sessionCookie(request))
          .flatMap(([, s]) => s ?? []);
        const ids = new Set((body.sessions ?? []).map((s) => s.id));
        return rewrite(response, (b) => ({
          ...b,
          sessions: [
            ...(b.sessions ?? []),
            ...others.filter((s) => !ids.has(s.id)).map((s) => ({ ...s, isCurrent: false })),
          ],
        }));
      };
    },
  },
  {
    name: 'clamps a too-large admin limit instead of refusing it',
    breaks: 'admin-bad-limit-400',
    mutant: () => (next) => async (request) => {
      if (!isAdminList(request)) return next(request);
      const url = new URL(request.url);
      if (Number(url.searchParams.get('limit')) > 1000) url.searchParams.set('limit', '1000');
      return next(new Request(url, request));
    },
  },
  {
    name: "answers 204 to the admin's revoke of an unknown id",
    breaks: 'admin-get-and-revoke',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return request.method === 'POST' &&
        /^\/api\/admin\/sessions\/[^/]+\/revoke$/.test(pathOf(request)) &&
        response.status === 404
        ? new Response(null, { status: 204 })
        : response;
    },
  },
  {
    name: 'treats % and _ in an admin search as wildcards',
    breaks: 'admin-search',
    mutant: () => (next) => async (request) => {
      if (!isAdminList(request)) return next(request);
      const url = new URL(request.url);
      const search = url.searchParams.get('search') ?? '';
      if (!/[%_]/.test(search)) return next(request);
      // A wildcard matches anything: the parts around it are searched for as the pattern's prefix.
      url.searchParams.set('search', search.split(/[%_]/)[0] ?? '');
      return next(new Request(url, request));
    },
  },
  {
    name: 'searches case-sensitively',
    breaks: 'admin-search',
    mutant: () => (next) => async (request) => {
      if (!isAdminList(request)) return next(request);
      const search = new URL(request.url).searchParams.get('search') ?? '';
      const response = await next(request);
      return search !== search.toLowerCase()
        ? rewrite(response, (b) => ({ ...b, sessions: [], total: 0 }))
        : response;
    },
  },
  {
    name: 'counts sessions as users in the stats',
    breaks: 'admin-stats-count',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return request.method === 'GET' && pathOf(request) === '/api/admin/stats' && response.status === 200
        ? rewrite(response, (b) => ({ ...b, uniqueUsers: (b as Record<string, unknown>).totalActive }))
        : response;
    },
  },
  {
    name: "answers 204 to the admin's revoke and ends nothing",
    breaks: 'admin-revoke-session',
    mutant: () => (next) => async (request) =>
      request.method === 'POST' && /^\/api\/admin\/sessions\/[^/]+\/revoke$/.test(pathOf(request))
        ? new Response(null, { status: 204 })
        : next(request),
  },
  {
    name: "inflates revoke-user-sessions' revokedCount by one",
    breaks: 'admin-revoke-user',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return request.method === 'POST' &&
        /^\/api\/admin\/users\/[^/]+\/revoke-sessions$/.test(pathOf(request)) &&
        response.status === 200
        ? rewrite(response, (b) => ({
            ...b,
            revokedCount: Number((b as Record<string, unknown>).revokedCount) + 1,
          }))
        : response;
    },
  },
  {
    name: "inflates revoke-others' revokedCount by one",
    breaks: 'revoke-others',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return isPost(request, '/api/sessions/revoke-others') && response.status === 200
        ? rewrite(response, (b) => {
            const count = Number((b as Record<string, unknown>).revokedCount);
            return count > 0 ? { ...b, revokedCount: count + 1 } : b;
          })
        : response;
    },
  },
  {
    name: 'answers the policy endpoint 500',
    breaks: 'no-5xx',
    mutant: () => (next) => async (request) =>
      request.method === 'GET' && pathOf(request) === '/api/sessions/policy'
        ? json(500, { code: 'UNKNOWN', message: 'boom' })
        : next(request),
  },
];
