import {
  CONTRACT_STATUS_CODES,
  type ConfirmableAction,
  CSRF_COOKIE_NAME,
  CSRF_HEADER_NAME,
  type PasswordRequirement,
  routePath,
} from '../contract/index.js';
import { SessionsError, type SessionsErrorCode } from '../provider/SessionsError.js';
import { parseRetryAfter, toSessionsError } from '../provider/toSessionsError.js';
import type { EventSourceConstructor } from './restEvents.js';

/** Where a CSRF token comes from when it is not a cookie: a `<meta>` tag, an endpoint, memory. */
export type RestCsrfToken = () => string | null | undefined | Promise<string | null | undefined>;

export interface RestCsrfOptions {
  /** The readable (not HttpOnly) cookie holding the token. Not read when `token` is given. @default 'XSRF-TOKEN' */
  cookieName?: string;
  /** The request header the token goes in. @default 'X-XSRF-TOKEN' */
  headerName?: string;
  /** Supplies the token instead of the cookie (e.g. Rails: `<meta name="csrf-token">` in `X-CSRF-Token`). */
  token?: RestCsrfToken;
  /**
   * Where to GET the cookie when the page has none before its first POST — a server-rendered page whose
   * rows came with the HTML never asked the API for anything (Laravel Sanctum: `'/sanctum/csrf-cookie'`).
   * Asked at most once at a time; a failure is ignored (the POST goes without a token and, if refused,
   * says why). `false` never asks. Not used when `token` is given.
   * @default `${baseUrl}/csrf` (the contract's `GET /csrf`, which answers 204 with the cookie)
   */
  cookieUrl?: string | false;
}

export interface RestSessionsProviderOptions {
  /** Where the contract's endpoints live, e.g. `/api` or `https://id.example.com/api`. */
  baseUrl: string;
  /** @default globalThis.fetch (looked up at each request, so a later polyfill or test stub is used) */
  fetch?: typeof fetch;
  /** Extra headers on every request (an object, or a function for a fresh bearer token). */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** @default 'include' */
  credentials?: RequestCredentials;
  /**
   * CSRF protection for POSTs: read the token from a cookie (Laravel's XSRF-TOKEN) and send it in a
   * header, supply it from a function (`() => token`, sent in `X-XSRF-TOKEN`, or `{ headerName, token }`),
   * or `false` to send none (a bearer-token API). When a POST carried no token and is refused with
   * FORBIDDEN, the rejection's message says why none was sent and what to pass.
   * @default { cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }
   */
  csrf?: RestCsrfOptions | RestCsrfToken | false;
  /**
   * Which actions the server wants the password for (the user provider; the admin provider ignores it).
   * @default every action 'none'
   */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
  /**
   * Abort a request that takes longer than this, in ms (reported as NETWORK). `Infinity` turns it off.
   * @default 15000
   */
  timeoutMs?: number;
  /**
   * Live events from `GET /sessions/events` through this EventSource (the browser's by default). `false`
   * turns them off, and the kit polls instead; so does a runtime without EventSource. EventSource cannot
   * send custom headers: a bearer-token API that needs `headers` for auth should pass `false`.
   * @default globalThis.EventSource
   */
  eventSource?: EventSourceConstructor | false;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// Same cap as toSessionsError: a server's message is for developers, and a hostile one could be megabytes.
const MAX_SERVER_MESSAGE = 300;

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  let cookies: string;
  try {
    cookies = document.cookie;
  } catch {
    return undefined; // A sandboxed iframe (opaque origin) throws a SecurityError on document.cookie.
  }
  const found = cookies.split(/;\s*/).find((c) => c.startsWith(prefix));
  if (found === undefined) return undefined;
  const raw = found.slice(prefix.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // A stray `%` is not a reason to send no token at all.
  }
}

/** The caller's signal, also aborted after `ms`. (AbortSignal.any is missing from older Safari.) */
function withTimeout(signal: AbortSignal | undefined, ms: number) {
  if (ms === Number.POSITIVE_INFINITY) return { signal, timedOut: () => false };
  const timeout = AbortSignal.timeout(ms);
  const timedOut = () => timeout.aborted && !signal?.aborted;
  if (!signal) return { signal: timeout, timedOut };
  if (typeof AbortSignal.any === 'function') return { signal: AbortSignal.any([signal, timeout]), timedOut };
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  timeout.addEventListener('abort', abort, { once: true });
  return { signal: controller.signal, timedOut };
}

function serverMessage(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.length > MAX_SERVER_MESSAGE ? `${value.slice(0, MAX_SERVER_MESSAGE)}…` : value;
}

/**
 * Reads an error body `{ code, message }`. A known `code` (or an alias toSessionsError knows, in any
 * case) wins; otherwise the status decides: the contract's own statuses first, then the generic ones.
 */
async function readErrorResponse(response: Response) {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  // Without a status, toSessionsError answers UNKNOWN exactly when the body names no code it knows.
  const fromBody = toSessionsError({ code: record.code }).code;
  const saysUnknown = typeof record.code === 'string' && record.code.trim().toUpperCase() === 'UNKNOWN';
  const code: SessionsErrorCode =
    fromBody !== 'UNKNOWN' || saysUnknown
      ? fromBody
      : (CONTRACT_STATUS_CODES[response.status] ?? toSessionsError({ status: response.status }).code);
  return {
    code,
    message: serverMessage(record.message),
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')) ?? parseRetryAfter(record.retryAfter),
  };
}

/** Fails at creation, synchronously: a provider that cannot work should not be handed to the UI. */
function checkOptions(factory: string, options: unknown): RestSessionsProviderOptions {
  if (typeof options === 'string') {
    throw new TypeError(
      `${factory} expects { baseUrl }, got a string — call ${factory}({ baseUrl: '${options}' }).`,
    );
  }
  const given = (
    typeof options === 'object' && options !== null ? options : {}
  ) as RestSessionsProviderOptions;
  if (typeof given.baseUrl !== 'string') {
    throw new TypeError(`${factory} needs { baseUrl }, e.g. ${factory}({ baseUrl: '/api' }).`);
  }
  const { timeoutMs } = given;
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    throw new TypeError(
      `${factory}: timeoutMs must be a positive number of milliseconds (or Infinity for none).`,
    );
  }
  return given;
}

/**
 * The HTTP side shared by the user and admin REST providers: base URL, credentials, extra headers, the
 * CSRF header on POSTs, a timeout, and every non-2xx turned into a SessionsError.
 */
export function createRestTransport(factory: string, rawOptions: RestSessionsProviderOptions) {
  const options = checkOptions(factory, rawOptions);
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  // Asked once for the provider's life: a server without the endpoint, or a cookie this page cannot read
  // (HttpOnly, another origin), is not asked again before every POST.
  let cookieAsked: Promise<unknown> | undefined;
  /** Asks the server for the CSRF cookie, within the timeout; its failure only means no token. */
  function askForCookie(url: string): Promise<unknown> {
    cookieAsked ??= Promise.resolve()
      .then(() =>
        doFetch(url, {
          method: 'GET',
          credentials: options.credentials ?? 'include',
          signal: Number.isFinite(timeoutMs) ? AbortSignal.timeout(timeoutMs) : undefined,
        }),
      )
      .catch(() => undefined);
    return cookieAsked;
  }

  /** The CSRF header for a POST, or why none could be sent (for the message if the server refuses). */
  async function csrfFor(extra: Record<string, string>) {
    const { csrf } = options;
    if (csrf === false) return { headers: {} };
    const config: RestCsrfOptions = typeof csrf === 'function' ? { token: csrf } : (csrf ?? {});
    const headerName = config.headerName ?? CSRF_HEADER_NAME;
    // The host already sends it through `headers`: nothing to add, nothing missing.
    if (Object.keys(extra).some((key) => key.toLowerCase() === headerName.toLowerCase()))
      return { headers: {} };
    let token: string | null | undefined;
    let missing: string;
    if (config.token) {
      token = await config.token();
      missing = 'the csrf token function returned none';
    } else {
      const cookieName = config.cookieName ?? CSRF_COOKIE_NAME;
      // Outside a browser (Node, React Native, a worker) there is no document.cookie to read.
      token = typeof document === 'undefined' ? undefined : readCookie(cookieName);
      const cookieUrl = config.cookieUrl ?? `${base}${routePath('csrf')}`;
      if (token === undefined && typeof document !== 'undefined' && cookieUrl !== false) {
        await askForCookie(cookieUrl);
        token = readCookie(cookieName);
      }
      missing =
        typeof document === 'undefined'
          ? `there is no document here (not a browser page), so no ${cookieName} cookie can be read`
          : `document.cookie has no ${cookieName} (the server must set it readable, not HttpOnly, for this ` +
            "page's domain; a cookie of a cross-origin baseUrl cannot be read here)";
    }
    return token ? { headers: { [headerName]: token } } : { headers: {}, missing };
  }

  async function request(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal) {
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    const csrf = method === 'POST' ? await csrfFor(extra) : { headers: {} };
    const timed = withTimeout(signal, timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        credentials: options.credentials ?? 'include',
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...csrf.headers,
          ...extra,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timed.signal,
      });
    } catch (error) {
      // The caller's own abort stays an abort (TanStack Query ignores it); anything else is the network.
      if (signal?.aborted) throw error;
      const message = timed.timedOut()
        ? `${method} ${path} got no answer within ${timeoutMs} ms.`
        : undefined;
      throw new SessionsError('NETWORK', message, { cause: error });
    }
    if (response.ok) return response;
    const { code, message, retryAfter } = await readErrorResponse(response);
    const { status } = response;
    if (code === 'FORBIDDEN' && 'missing' in csrf) {
      // A refused POST that carried no CSRF token: the likeliest cause, and the fix, go in the message,
      // since the server's answer ("forbidden") gives no hint and the UI shows only its translated text.
      throw new SessionsError(
        code,
        `${method} ${path} was refused (${status}) and carried no CSRF token: ${csrf.missing}. Pass ` +
          'csrf: () => token (or csrf: { headerName, token }) to send one, or csrf: false for an API that ' +
          `does not authenticate by cookie.${message ? ` The server said: ${message}` : ''}`,
        { status },
      );
    }
    throw new SessionsError(code, message, { status, retryAfter });
  }

  /** A request whose 2xx answer must be JSON: anything else is INVALID_RESPONSE, never a crash. */
  async function requestJson(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal) {
    const response = await request(method, path, body, signal);
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      if (signal?.aborted) throw error;
      // The timeout also covers a body that stops halfway: that is the network, not a malformed answer.
      if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
        throw new SessionsError('NETWORK', `${method} ${path} got no answer within ${timeoutMs} ms.`, {
          cause: error,
        });
      }
      throw new SessionsError('INVALID_RESPONSE', `${method} ${path} did not answer with JSON.`, {
        cause: error,
      });
    }
  }

  return { request, requestJson };
}
