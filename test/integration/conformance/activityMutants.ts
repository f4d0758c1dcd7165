import { DEMO_CREDENTIALS } from '../../../examples/server/seed.js';
import {
  copy,
  forbidsForeign,
  isList,
  type Json,
  listTracker,
  type MutantCase,
  pathOf,
  rewrite,
  sessionCookie,
} from './mutantHelpers.js';

const { password } = DEMO_CREDENTIALS.user;

type Entry = Record<string, unknown>;
const entriesOf = (body: Record<string, unknown>) => (body.entries ?? []) as Entry[];

const isActivity = (request: Request) =>
  request.method === 'GET' && pathOf(request) === '/api/sessions/activity';
const isAdminActivity = (request: Request) =>
  request.method === 'GET' && pathOf(request) === '/api/admin/activity';
const NOT_ME = /^\/api\/sessions\/([^/]+)\/not-me$/;
/** The session a POST /sessions/{id}/not-me reports. */
const reportedId = (request: Request) => {
  const match = request.method === 'POST' ? NOT_ME.exec(pathOf(request)) : null;
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
};
const param = (request: Request, name: string) => new URL(request.url).searchParams.get(name);

/** The same GET with its query changed. */
function withQuery(request: Request, change: (query: URLSearchParams) => void) {
  const url = new URL(request.url);
  change(url.searchParams);
  return new Request(url, request);
}

/** The same GET as another cookie would send it. */
function asCookie(request: Request, cookie: string) {
  const headers = new Headers(request.headers);
  headers.set('Cookie', cookie);
  return new Request(request.url, { method: request.method, headers });
}

/** A user's log answered by `change`, when the server answered it 200. */
const rewriteActivity =
  (change: (entries: Entry[], request: Request) => Entry[]) =>
  (next: (request: Request) => Response | Promise<Response>) =>
  async (request: Request) => {
    const response = await next(request);
    return isActivity(request) && response.status === 200
      ? rewrite(response, (body) => ({ ...body, entries: change(entriesOf(body), request) }))
      : response;
  };

/** Mutants of the activity log, the not-me report and the admin's log: each breaks one rule. */
export const activityMutants: MutantCase[] = [
  {
    name: 'sends the default page oldest first',
    breaks: 'activity-shape',
    mutant: () =>
      rewriteActivity((entries, request) => (param(request, 'limit') ? entries : entries.reverse())),
  },
  {
    name: "never marks the caller's own entries as current",
    breaks: 'activity-own-sign-in',
    mutant: () => rewriteActivity((entries) => entries.map((entry) => ({ ...entry, isCurrent: false }))),
  },
  {
    name: 'records a wrong password without the session that sent it',
    breaks: 'activity-confirmation-failed',
    mutant: () =>
      rewriteActivity((entries) =>
        entries.map((entry) =>
          entry.kind === 'confirmation-failed' ? { ...entry, sessionId: null, isCurrent: false } : entry,
        ),
      ),
  },
  {
    name: 'starts a page at the entry its cursor names, as offset paging shifted by a new row does',
    breaks: 'activity-paging',
    mutant: () => (next) => {
      const lastOf = new Map<string, Entry>();
      return async (request) => {
        const response = await next(request);
        if (!isActivity(request) || response.status !== 200) return response;
        const repeated = lastOf.get(param(request, 'cursor') ?? '');
        return rewrite(response, (body) => {
          const entries = entriesOf(body);
          const last = entries.at(-1);
          if (typeof body.nextCursor === 'string' && last) lastOf.set(body.nextCursor, last);
          const limit = Number(param(request, 'limit') ?? 20);
          return { ...body, entries: repeated ? [repeated, ...entries].slice(0, limit) : entries };
        });
      };
    },
  },
  {
    name: 'clamps a limit into 1–100 instead of refusing it',
    breaks: 'activity-bad-limit-400',
    mutant: () => (next) => async (request) => {
      const limit = isActivity(request) ? param(request, 'limit') : null;
      const whole = /^\d+$/.test(limit ?? '');
      if (limit === null || (whole && Number(limit) >= 1 && Number(limit) <= 100)) return next(request);
      return next(
        withQuery(request, (query) => {
          if (!whole) query.delete('limit');
          else query.set('limit', Number(limit) < 1 ? '1' : '100');
        }),
      );
    },
  },
  {
    name: 'reads a cursor it never gave out as the first page',
    breaks: 'activity-bad-cursor-400',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return isActivity(request) && param(request, 'cursor') !== null && response.status === 400
        ? next(withQuery(request, (query) => query.delete('cursor')))
        : response;
    },
  },
  {
    name: 'answers a cursor with the log of the user it was given to',
    breaks: 'activity-foreign-cursor',
    mutant: () => (next) => {
      const issuedTo = new Map<string, string>();
      return async (request) => {
        const owner = isActivity(request) ? issuedTo.get(param(request, 'cursor') ?? '') : undefined;
        const response = await next(owner ? asCookie(request, owner) : request);
        if (!isActivity(request) || response.status !== 200) return response;
        const { nextCursor } = (await response.clone().json()) as { nextCursor?: unknown };
        if (typeof nextCursor === 'string')
          issuedTo.set(nextCursor, owner ?? request.headers.get('Cookie') ?? '');
        return response;
      };
    },
  },
  {
    name: "adds other users' entries to each log",
    breaks: 'activity-own-only',
    mutant: () => (next) => {
      // Whose each cookie is: the sessions its lists showed (two devices of one user list the same ones).
      const listed = new Map<string, Set<unknown>>();
      const served = new Map<string, Entry[]>();
      const sameUser = (a: string, b: string) =>
        a === b || [...(listed.get(a) ?? [])].some((id) => listed.get(b)?.has(id));
      return async (request) => {
        const response = await next(request);
        const cookie = sessionCookie(request) ?? '';
        if (isList(request) && response.status === 200) {
          const { sessions = [] } = (await response.clone().json()) as Json;
          listed.set(cookie, new Set(sessions.map((session) => session.id)));
        }
        if (!isActivity(request) || response.status !== 200) return response;
        return rewrite(response, (body) => {
          const entries = entriesOf(body);
          served.set(cookie, entries);
          const foreign = [...served].filter(([other]) => !sameUser(cookie, other)).flatMap(([, e]) => e);
          return { ...body, entries: [...entries, ...foreign] };
        });
      };
    },
  },
  {
    name: "puts the caller's token in its log",
    breaks: 'no-token-in-activity',
    mutant: () => (next) => async (request) => {
      const response = await next(request);
      return isActivity(request) && response.status === 200
        ? rewrite(response, (body) => ({ ...body, debugToken: sessionCookie(request) }))
        : response;
    },
  },
  {
    name: 'records a revoke without the session that made it',
    breaks: 'activity-revoked',
    mutant: () =>
      rewriteActivity((entries) =>
        entries.map((entry) => (entry.kind === 'revoked' ? { ...entry, bySessionId: null } : entry)),
      ),
  },
  {
    name: 'answers 204 to a report with the password and ends nothing',
    breaks: 'not-me',
    mutant: () => (next) => {
      const lists = listTracker(next);
      return async (request) => {
        const id = reportedId(request);
        if (id === undefined || !lists.ownedBy(request, id)) return lists.handler(request);
        const text = await request.text();
        return text.includes('"password"')
          ? new Response(null, { status: 204 })
          : lists.handler(copy(request, text));
      };
    },
  },
  {
    name: 'takes a report without the password where revokes ask for it',
    breaks: 'not-me',
    mutant: () => (next) => async (request) =>
      reportedId(request) === undefined ? next(request) : next(copy(request, JSON.stringify({ password }))),
  },
  {
    name: "answers 403 to a report of another user's session",
    breaks: 'not-me-foreign-404',
    mutant: () => forbidsForeign(reportedId),
  },
  {
    name: 'lets a user who is not an admin read every user’s log',
    breaks: 'admin-activity',
    mutant: () => (next) => {
      let adminCookie: string | undefined;
      return async (request) => {
        const response = await next(request);
        const path = pathOf(request);
        if (path.startsWith('/api/admin/') && response.status === 200)
          adminCookie = request.headers.get('Cookie') ?? undefined;
        return isAdminActivity(request) && response.status === 403 && adminCookie
          ? next(asCookie(request, adminCookie))
          : response;
      };
    },
  },
  {
    name: 'ignores userId on the admin log',
    breaks: 'admin-activity',
    mutant: () => (next) => async (request) =>
      next(isAdminActivity(request) ? withQuery(request, (query) => query.delete('userId')) : request),
  },
  {
    name: 'ignores a kind it does not know on the admin log',
    breaks: 'admin-activity-filters',
    mutant: () => (next) => async (request) => {
      const kinds = isAdminActivity(request) ? (param(request, 'kind') ?? '') : '';
      return next(kinds === 'logged-in' ? withQuery(request, (query) => query.delete('kind')) : request);
    },
  },
];
