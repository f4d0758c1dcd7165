import type { AuthenticatedRequest, SessionManager } from '../createSessionManager.js';
import type { NodeRequestLike } from '../requestFacts.js';

const UNAUTHORIZED = { code: 'UNAUTHORIZED', message: 'You are not signed in.' } as const;

/** The guards read profilekit's own cookie: a manager over a host's sessions has none to read. */
function ownSessionsOnly(manager: SessionManager, guard: string) {
  if (manager.keptByHost)
    throw new TypeError(
      `${guard}: this manager's sessions are kept by the host's session system (createHostSessions); ` +
        "guard your routes with its own check (Passport's req.isAuthenticated(), req.user).",
    );
}

/** A Node request after `requireSession`: the signed-in session on `profilekit`. */
export type RequestWithSession<Request extends NodeRequestLike = NodeRequestLike> = Request & {
  profilekit: AuthenticatedRequest;
};

/** The part of an Express (or Node) response `requireSession` uses. */
interface ResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | string[]): unknown;
  end(body?: string): unknown;
}

/**
 * Express / Connect middleware: the session the request's cookie carries on `req.profilekit`
 * (`{ userId, session }`), or a 401 `{ code: 'UNAUTHORIZED' }` (clearing a stale cookie) and no `next()`.
 *
 * @example
 * app.use('/app', requireSession(manager));
 * app.get('/app/me', (req, res) => res.json({ userId: (req as RequestWithSession<typeof req>).profilekit.userId }));
 */
export function requireSession(manager: SessionManager) {
  ownSessionsOnly(manager, 'requireSession');
  return (req: NodeRequestLike, res: ResponseLike, next: (error?: unknown) => void): void => {
    manager.authenticate(req).then(
      (auth) => {
        if (auth) {
          (req as RequestWithSession).profilekit = auth;
          next();
          return;
        }
        res.statusCode = 401;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        if (String(req.headers.cookie ?? '').includes(`${manager.cookie.name}=`))
          res.setHeader('Set-Cookie', manager.clearCookie());
        res.end(JSON.stringify(UNAUTHORIZED));
      },
      (error: unknown) => next(error),
    );
  };
}

/** The part of a Hono context `honoSession` uses. */
interface HonoContextLike {
  req: { raw: Request };
  set(key: 'profilekit', value: AuthenticatedRequest): void;
  json(body: unknown, status: 401): Response;
}

/**
 * Hono middleware: the session on `c.get('profilekit')`, or a 401 `{ code: 'UNAUTHORIZED' }`.
 *
 * @example
 * const app = new Hono<{ Variables: { profilekit: AuthenticatedRequest } }>();
 * app.use('/app/*', honoSession(manager));
 */
export function honoSession(manager: SessionManager) {
  ownSessionsOnly(manager, 'honoSession');
  return async (c: HonoContextLike, next: () => Promise<void>): Promise<Response | undefined> => {
    const auth = await manager.authenticate(c.req.raw);
    if (!auth) {
      const response = c.json(UNAUTHORIZED, 401);
      response.headers.set('Cache-Control', 'no-store');
      if (c.req.raw.headers.get('cookie')?.includes(`${manager.cookie.name}=`))
        response.headers.append('Set-Cookie', manager.clearCookie());
      return response;
    }
    c.set('profilekit', auth);
    await next();
    return undefined;
  };
}
