/** Small tools for writing mutants: wrappers of the server's fetch handler that break one rule. */
import type { FetchHandler, Mutant } from './referenceServer.js';

/** A server with one rule broken, and the rule the kit must then report as failed. */
export interface MutantCase {
  name: string;
  breaks: string;
  mutant: () => Mutant;
}

export type Json = Record<string, unknown> & { sessions?: Array<Record<string, unknown>> };

export const pathOf = (request: Request) => new URL(request.url).pathname;
const REVOKE_ONE = /^\/api\/sessions\/([^/]+)\/revoke$/;
export const revokedId = (request: Request) => {
  const match = request.method === 'POST' ? REVOKE_ONE.exec(pathOf(request)) : null;
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
};
export const isList = (request: Request) => request.method === 'GET' && pathOf(request) === '/api/sessions';
export const isPost = (request: Request, path: string) =>
  request.method === 'POST' && pathOf(request) === path;
export const sessionCookie = (request: Request) =>
  /(?:^|;\s*)pk_session=([^;]*)/.exec(request.headers.get('Cookie') ?? '')?.[1];

export function json(status: number, body: unknown, init: HeadersInit = {}): Response {
  const headers = new Headers(init);
  headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers });
}

/** The same response with its JSON body changed (and its status, if given). */
export async function rewrite(response: Response, change: (body: Json) => unknown, status = response.status) {
  const body = (await response.json()) as Json;
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(JSON.stringify(change(body)), { status, headers });
}

/** A copy of a request with another body and URL, for mutants that replay or alter a POST. */
export const copy = (
  request: Request,
  body: string,
  url = request.url,
  headers = new Headers(request.headers),
) => new Request(url, { method: request.method, headers, body });

/** Remembers which ids each cookie has seen in its lists: the caller's "own" sessions, as a server knows. */
export function listTracker(next: FetchHandler) {
  const seen = new Map<string, Set<string>>();
  const handler: FetchHandler = async (request) => {
    const response = await next(request);
    if (isList(request) && response.status === 200) {
      const body = (await response.clone().json()) as Json;
      const ids = seen.get(sessionCookie(request) ?? '') ?? new Set();
      for (const session of body.sessions ?? []) ids.add(String(session.id));
      seen.set(sessionCookie(request) ?? '', ids);
    }
    return response;
  };
  const ownedBy = (request: Request, id: string) => seen.get(sessionCookie(request) ?? '')?.has(id) === true;
  const seenByOthers = (request: Request, id: string) =>
    [...seen].some(([cookie, ids]) => cookie !== sessionCookie(request) && ids.has(id));
  return { handler, ownedBy, seenByOthers };
}

/** Answers 403 where the server answered 404 to an id (`idOf` reads it) that another cookie's lists showed. */
export const forbidsForeign =
  (idOf: (request: Request) => string | undefined): Mutant =>
  (next) => {
    const lists = listTracker(next);
    return async (request) => {
      const response = await lists.handler(request);
      const id = idOf(request);
      const foreign = id !== undefined && !lists.ownedBy(request, id) && lists.seenByOthers(request, id);
      return foreign && response.status === 404
        ? json(403, { code: 'FORBIDDEN', message: 'Not yours.' })
        : response;
    };
  };
