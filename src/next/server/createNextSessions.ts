import { type DehydratedState, dehydrate, QueryClient } from '@tanstack/react-query';
import { headers } from 'next/headers';
import { CSRF_COOKIE_NAME, CSRF_HEADER_NAME } from '../../contract/csrf.js';
import { prefetchSessions } from '../../data/prefetchSessions.js';
import type { SessionsDataProvider } from '../../provider/types.js';
import { createRestSessionsProvider } from '../../rest/createRestSessionsProvider.js';
import type { AuthenticatedRequest, SessionManager } from '../../server/createSessionManager.js';
import { createSessionsHandler } from '../../server/createSessionsHandler.js';
import type { SessionsHandlerOptions } from '../../server/handler/handlerDeps.js';
import { randomBytes, toHex } from '../../server/webCrypto.js';
import { DEFAULT_NEXT_BASE_PATH } from '../basePath.js';

/** What the app's setup builds, once per process: its session manager and the contract's options. */
export interface NextSessionsParts {
  manager: SessionManager;
  /** `createSessionsHandler`'s options but the manager and the base path (given once, to createNextSessions). */
  handler: Omit<SessionsHandlerOptions, 'manager' | 'basePath'>;
}

export interface NextSessionsOptions<Parts extends NextSessionsParts> {
  /**
   * Builds the store, the manager and anything else of the app's (a sign-in), on the first request that
   * needs them — never at import, so `next build` opens no database — and once per process however many
   * times Next.js evaluates the module.
   */
  setup: () => Parts | Promise<Parts>;
  /** Where `app/api/[...path]/route.ts` serves the contract. @default '/api' */
  basePath?: string;
  /** Tells two `createNextSessions` of one process apart (two apps, two stores). @default the base path */
  name?: string;
}

/** The server side of profilekit in a Next.js app: route handlers, the signed-in session, the prefetch. */
export interface NextSessions<Parts extends NextSessionsParts> {
  /** The contract's GET routes: `export const { GET, POST } = sessions;` in `app/api/[...path]/route.ts`. */
  GET: (request: Request) => Promise<Response>;
  /** The contract's POST routes. */
  POST: (request: Request) => Promise<Response>;
  /** What `setup` built (the manager, the app's own parts), built on first use. */
  parts(): Promise<Parts>;
  /**
   * The signed-in session of the request being rendered (its cookie, through `headers()`), or null:
   * none, ended or expired. For Server Components, route handlers and server actions.
   */
  currentSession(): Promise<AuthenticatedRequest | null>;
  /**
   * A data provider for this request on the server: the REST adapter whose "network" is the contract's
   * handler, called in-process with the request's headers — the rows the browser's refetch would get, and
   * its actions (a server action's sign-out) checked as the browser's are, but for CSRF, which is Next's.
   */
  dataProvider(): Promise<SessionsDataProvider>;
  /** The session's rows for `<NextSessionsProvider state={…}>`: in the first HTML, no refetch. */
  prefetch(session: { userId: string }): Promise<DehydratedState>;
}

interface Built<Parts> {
  parts: Parts;
  handler: (request: Request) => Promise<Response>;
}

// Next.js bundles route handlers and Server Components apart and evaluates a module several times per
// process (more in development): what was built lives on globalThis, so one process has one store.
const builtKey = (name: string) => Symbol.for(`profilekit.next:${name}`);
type BuiltHolder = Record<symbol, Promise<Built<NextSessionsParts>> | undefined>;

/**
 * profilekit's server half for a Next.js App Router app, built lazily and once per process.
 *
 * @example
 * export const sessions = createNextSessions({
 *   setup: () => {
 *     const manager = createSessionManager({ store: createSqliteSessionStore(new Database('sessions.sqlite')) });
 *     return { manager, handler: { verifyPassword: (userId, password) => users.checkPassword(userId, password) } };
 *   },
 * });
 */
export function createNextSessions<Parts extends NextSessionsParts>(
  options: NextSessionsOptions<Parts>,
): NextSessions<Parts> {
  const basePath = (options.basePath ?? DEFAULT_NEXT_BASE_PATH).replace(/\/+$/, '');
  const key = builtKey(options.name ?? basePath);
  const holder = globalThis as unknown as BuiltHolder;

  function built(): Promise<Built<Parts>> {
    holder[key] ??= Promise.resolve()
      .then(options.setup)
      .then((parts) => ({
        parts,
        handler: createSessionsHandler({ ...parts.handler, manager: parts.manager, basePath }),
      }))
      .catch((error: unknown) => {
        // A failed setup (the database not reachable yet) is tried again by the next request.
        holder[key] = undefined;
        throw error;
      });
    return holder[key] as Promise<Built<Parts>>;
  }

  const serve = async (request: Request) => (await built()).handler(request);

  /** The request being rendered, as a Fetch Request: its headers (cookie, user agent, forwarded address). */
  async function renderedRequest(): Promise<Request> {
    const incoming = await headers();
    return new Request(`http://${incoming.get('host') ?? 'localhost'}/`, { headers: incoming });
  }

  // headers() before built() everywhere: during `next build` it stops a page's prerendering before setup
  // would open the database.
  async function dataProvider(): Promise<SessionsDataProvider> {
    const incoming = new Headers(await headers());
    const { handler, parts } = await built();
    // What describes the page's request (its cookie, user agent, forwarded address) travels; what
    // described its body (a server action's) does not.
    incoming.delete('content-type');
    incoming.delete('content-length');
    const csrfCookie = (parts.handler.csrf || undefined)?.cookieName ?? CSRF_COOKIE_NAME;
    const csrfHeader = (parts.handler.csrf || undefined)?.headerName ?? CSRF_HEADER_NAME;
    return createRestSessionsProvider({
      baseUrl: `http://in-process${basePath}`,
      // The server's own call on behalf of the page's request (a server action is guarded by Next's own
      // Origin check): its POSTs carry a fresh double-submit pair, as a browser page would.
      csrf: false,
      eventSource: false,
      fetch: (input, init) => {
        const merged = new Headers(incoming);
        for (const [name, value] of new Headers(init?.headers)) merged.set(name, value);
        if ((init?.method ?? 'GET') === 'POST') {
          const token = toHex(randomBytes(20));
          const others = (merged.get('cookie') ?? '')
            .split(';')
            .map((pair) => pair.trim())
            .filter((pair) => pair !== '' && !pair.startsWith(`${csrfCookie}=`));
          merged.set('cookie', [...others, `${csrfCookie}=${token}`].join('; '));
          merged.set(csrfHeader, token);
        }
        return handler(new Request(input, { ...init, headers: merged }));
      },
    });
  }

  return {
    GET: serve,
    POST: serve,
    parts: async () => (await built()).parts,
    async currentSession() {
      const request = await renderedRequest();
      return (await built()).parts.manager.authenticate(request);
    },
    dataProvider,
    async prefetch(session) {
      // Request-scoped: this render's cache, nobody else's.
      const queryClient = new QueryClient();
      await prefetchSessions(queryClient, { dataProvider: await dataProvider(), scope: session.userId });
      return dehydrate(queryClient);
    },
  };
}
