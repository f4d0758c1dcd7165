import { createAdminRoutes } from './handler/adminRoutes.js';
import { createCsrfGuard } from './handler/csrf.js';
import { createEventStreams } from './handler/eventStream.js';
import type { HandlerDeps, SessionsHandlerOptions } from './handler/handlerDeps.js';
import {
  type ContractResponse,
  fail,
  hasControlCharacters,
  noContent,
  Refusal,
} from './handler/responses.js';
import { createUserRoutes } from './handler/userRoutes.js';
import { createConfirmationLimiter } from './limits/createConfirmationLimiter.js';

export type {
  AdminUserDescription,
  SessionsAdminOptions,
  SessionsHandlerOptions,
} from './handler/handlerDeps.js';

// Ids are short opaque strings; anything longer is no session of ours and never reaches the store.
const MAX_ID_LENGTH = 200;

/** Decodes one path segment; a malformed or oversized one reads as "no such id" (404), never a 5xx. */
function segment(raw: string | undefined): string | null {
  if (raw === undefined || raw === '' || raw.length > MAX_ID_LENGTH * 3) return null;
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.length <= MAX_ID_LENGTH && !hasControlCharacters(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/** Whether an error is the store failing (database down), which answers 503 rather than 500. */
const isUnavailable = (error: unknown) =>
  error instanceof Error &&
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|terminat|Connection|timeout exceeded|SQLITE_BUSY|database is locked|57P0|53300/i.test(
    `${error.message} ${(error as { code?: string }).code ?? ''}`,
  );

/**
 * The HTTP contract (docs/rest-contract.md) as one Fetch-API function: `(request) => Promise<Response>`.
 * Mount it under `basePath` in any server that speaks Request/Response (node:http through `toNodeListener`,
 * Express, Hono, Next.js route handlers, Bun, Deno). It owns the contract's hard parts: CSRF, the password
 * before anything is revoked, a rate limit on wrong passwords, freshness, 404 for unknown, ended and
 * foreign ids alike, `{ code, message }` errors, `Cache-Control: no-store`, and no 5xx for any input.
 *
 * @example
 * const handler = createSessionsHandler({ manager, verifyPassword: (id, pw) => users.check(id, pw), basePath: '/api' });
 */
export function createSessionsHandler(
  options: SessionsHandlerOptions,
): (request: Request) => Promise<Response> {
  const { manager } = options;
  const deps: HandlerDeps = {
    manager,
    options,
    passwordRequirements: {
      revokeSession: 'required',
      revokeOtherSessions: 'required',
      revokeAllSessions: 'required',
      ...options.passwordRequirements,
    },
    confirmations: createConfirmationLimiter(manager.store, options.passwordAttempts, manager.now),
  };
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const csrf =
    options.csrf === false
      ? null
      : createCsrfGuard({ ...options.csrf, secure: options.csrf?.secure ?? manager.cookieSecure });
  const user = createUserRoutes(deps);
  const streams = createEventStreams(manager, options.eventStreams);
  const admin = options.admin ? createAdminRoutes(deps, options.admin) : null;
  const onError = options.onError ?? ((error: unknown) => console.error('profilekit: request failed', error));

  async function route(request: Request): Promise<ContractResponse> {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${basePath}/`)) return fail(404, 'NOT_FOUND', 'No such endpoint.');
    const parts = path.slice(basePath.length + 1).split('/');
    const method = request.method;
    const is = (verb: string, ...shape: string[]) =>
      method === verb && parts.length === shape.length && shape.every((p, i) => p === '*' || p === parts[i]);

    if (is('GET', 'csrf')) return noContent();
    if (csrf && !csrf.allows(request)) {
      return fail(403, 'FORBIDDEN', 'The CSRF token is missing or does not match the XSRF-TOKEN cookie.');
    }
    const known = parts[0] === 'sessions' || (admin !== null && parts[0] === 'admin');
    if (!known) return fail(404, 'NOT_FOUND', 'No such endpoint.');
    const auth = await manager.authenticate(request);
    if (!auth) {
      const refused = fail(401, 'UNAUTHORIZED', 'You are not signed in.');
      return request.headers.get('cookie')?.includes(`${manager.cookieName}=`)
        ? refused.cookie(manager.clearCookie())
        : refused;
    }

    if (parts[0] === 'sessions') {
      if (is('GET', 'sessions')) return user.list(request, auth);
      if (is('GET', 'sessions', 'events')) return streams.open(request, auth);
      if (is('POST', 'sessions', 'revoke-others')) return user.revokeOthers(request, auth);
      if (is('POST', 'sessions', 'revoke-all')) return user.revokeAll(request, auth);
      if (is('POST', 'sessions', 'sign-out')) return user.signOut(request, auth);
      if (is('POST', 'sessions', 'reauthenticate')) return user.reauthenticate(request, auth);
      if (is('POST', 'sessions', '*', 'revoke')) return user.revokeOne(request, auth, segment(parts[1]));
    } else if (admin) {
      const forbidden = await admin.requireAdmin(auth);
      if (forbidden) return forbidden;
      if (is('GET', 'admin', 'sessions')) return admin.list(request, auth);
      if (is('GET', 'admin', 'stats')) return admin.stats();
      if (is('GET', 'admin', 'sessions', '*')) return admin.one(auth, segment(parts[2]));
      if (is('POST', 'admin', 'sessions', '*', 'revoke'))
        return admin.revoke(request, auth, segment(parts[2]));
      if (is('POST', 'admin', 'users', '*', 'revoke-sessions'))
        return admin.revokeUser(request, auth, segment(parts[2]));
    }
    return fail(404, 'NOT_FOUND', 'No such endpoint.');
  }

  return async (request) => {
    let response: ContractResponse;
    try {
      response = await route(request);
    } catch (error) {
      if (error instanceof Refusal) response = error.response;
      else {
        onError(error);
        response = isUnavailable(error)
          ? fail(503, 'UNAVAILABLE', 'The session store is unavailable. Try again shortly.')
          : fail(500, 'UNKNOWN', 'Something went wrong on the server.');
      }
    }
    // Session lists are per user and change on every revoke: no cache (browser, proxy, CDN) may keep one.
    response.headers.set('Cache-Control', 'no-store');
    // Every answer is JSON or an event stream, never something a browser should guess is HTML.
    response.headers.set('X-Content-Type-Options', 'nosniff');
    const csrfCookie = csrf?.cookieFor(request);
    if (csrfCookie) response.cookie(csrfCookie);
    return response.toResponse();
  };
}
