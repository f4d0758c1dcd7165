import { isContractArea, matchRoute, type RouteName, readPathId } from '../contract/index.js';
import { createAdminRoutes } from './handler/adminRoutes.js';
import { createCsrfGuard } from './handler/csrf.js';
import { createEventStreams } from './handler/eventStream.js';
import type { HandlerDeps, SessionsHandlerOptions } from './handler/handlerDeps.js';
import { ContractResponse, fail, noContent, Refusal } from './handler/responses.js';
import { createUserRoutes } from './handler/userRoutes.js';
import { createConfirmationLimiter } from './limits/createConfirmationLimiter.js';
import { StoreUnavailableError } from './storeErrors.js';

export type {
  AdminUserDescription,
  SessionsAdminOptions,
  SessionsHandlerOptions,
} from './handler/handlerDeps.js';

/**
 * A store or a bus that cannot be reached (database down): 503 UNAVAILABLE rather than 500. Stores say
 * so with a StoreUnavailableError; a message is never read, so a bug that mentions "connection" stays 500.
 */
/** The routes of the authentication log: a manager without history does not serve them. */
const HISTORY_ROUTES: ReadonlySet<RouteName> = new Set([
  'listActivity',
  'reportNotMe',
  'redeemNotMeLink',
  'adminListActivity',
  'adminActivityDaily',
]);

const isUnavailable = (error: unknown) => error instanceof StoreUnavailableError;

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
    confirmations: createConfirmationLimiter(manager, options.passwordAttempts, manager.now),
  };
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const csrf =
    options.csrf === false
      ? null
      : createCsrfGuard({ ...options.csrf, secure: options.csrf?.secure ?? manager.cookie.secure });
  const user = createUserRoutes(deps);
  const streams = createEventStreams(manager, options.eventStreams);
  const admin = options.admin ? createAdminRoutes(deps, options.admin) : null;
  const onError = options.onError ?? ((error: unknown) => console.error('profilekit: request failed', error));

  async function redeemNotMeLink(request: Request) {
    const token = new URL(request.url).searchParams.get('token') ?? '';
    const landing = manager.notMeLandingUrl('invalid');
    if (landing === null) return fail(404, 'NOT_FOUND', 'No such endpoint.');
    const result = await manager.redeemNotMeToken(token);
    const response = new ContractResponse(303);
    response.headers.set('Location', manager.notMeLandingUrl(result) ?? landing);
    // The token must not travel on as a Referer from the landing page.
    response.headers.set('Referrer-Policy', 'no-referrer');
    return response;
  }

  async function route(request: Request): Promise<ContractResponse> {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${basePath}/`)) return fail(404, 'NOT_FOUND', 'No such endpoint.');
    const segments = path.slice(basePath.length + 1).split('/');
    const match = matchRoute(request.method, segments);
    if (match?.name === 'csrf') return noContent();
    if (csrf && !csrf.allows(request)) {
      return fail(
        403,
        'FORBIDDEN',
        `The CSRF token is missing or does not match the ${csrf.cookieName} cookie.`,
      );
    }
    const inArea = isContractArea(segments[0]) && (admin !== null || segments[0] !== 'admin');
    if (!inArea) return fail(404, 'NOT_FOUND', 'No such endpoint.');
    // The mail's link: no sign-in (the mail is the proof), a redirect to the host's page either way.
    if (match?.name === 'redeemNotMeLink') return redeemNotMeLink(request);
    const auth = await manager.authenticate(request);
    if (!auth) {
      const refused = fail(401, 'UNAUTHORIZED', 'You are not signed in.');
      // A stale cookie of profilekit's goes; a host's session cookie may carry a session that is simply
      // not signed in (a cart, a sign-in's return path), and stays.
      return !manager.keptByHost && request.headers.get('cookie')?.includes(`${manager.cookie.name}=`)
        ? refused.clearingSession(manager)
        : refused;
    }
    if (!match) return fail(404, 'NOT_FOUND', 'No such endpoint.');
    // Without the log its endpoints are not offered at all (the contract's answer for an optional part).
    if (!manager.keepsHistory && HISTORY_ROUTES.has(match.name))
      return fail(404, 'NOT_FOUND', 'No such endpoint.');
    const id = readPathId(match.rawId);
    switch (match.name) {
      case 'listSessions':
        return user.list(request, auth);
      case 'policy':
        return user.policy(auth);
      case 'events':
        return streams.open(request, auth);
      case 'revokeOtherSessions':
        return user.revokeOthers(request, auth);
      case 'revokeAllSessions':
        return user.revokeAll(request, auth);
      case 'signOut':
        return user.signOut(request, auth);
      case 'reauthenticate':
        return user.reauthenticate(request, auth);
      case 'revokeSession':
        return user.revokeOne(request, auth, id);
      case 'listActivity':
        return user.activity(request, auth);
      case 'reportNotMe':
        return user.reportNotMe(request, auth, id);
    }
    if (!admin) return fail(404, 'NOT_FOUND', 'No such endpoint.');
    const forbidden = await admin.requireAdmin(auth);
    if (forbidden) return forbidden;
    switch (match.name) {
      case 'adminListSessions':
        return admin.list(request, auth);
      case 'adminStats':
        return admin.stats();
      case 'adminListActivity':
        return admin.activity(request, auth);
      case 'adminActivityDaily':
        return admin.activityDaily(request);
      case 'adminGetSession':
        return admin.one(auth, id);
      case 'adminRevokeSession':
        return admin.revoke(request, auth, id);
      case 'adminRevokeUserSessions':
        return admin.revokeUser(request, auth, id);
    }
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
