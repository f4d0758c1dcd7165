import { isSessionsErrorCode, SessionsError } from '../provider/SessionsError.js';
import { parseRetryAfter, toSessionsError } from '../provider/toSessionsError.js';
import type { ConfirmableAction, PasswordRequirement, RevokeManyResult } from '../provider/types.js';

export interface RestCsrfOptions {
  /** @default 'XSRF-TOKEN' */
  cookieName?: string;
  /** @default 'X-XSRF-TOKEN' */
  headerName?: string;
}

export interface RestSessionsProviderOptions {
  /** Where the contract's endpoints live, e.g. `/api` or `https://id.example.com/api`. */
  baseUrl: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Extra headers on every request (an object, or a function for a fresh bearer token). */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** @default 'include' */
  credentials?: RequestCredentials;
  /**
   * CSRF protection for unsafe methods: read the token from a cookie (Laravel's XSRF-TOKEN) and send it
   * in a header, supply it from a function, or `false` to send none.
   * @default { cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }
   */
  csrf?: RestCsrfOptions | (() => string | undefined | Promise<string | undefined>) | false;
  /** Which actions the server wants the password for. @default every action 'none' */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
  /**
   * Abort a request that takes longer than this, in ms (reported as NETWORK).
   * @default 15000
   */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_CSRF_HEADER = 'X-XSRF-TOKEN';

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found === undefined ? undefined : decodeURIComponent(found.slice(prefix.length));
}

/** The caller's signal, also aborted after `ms`. (AbortSignal.any is missing from older Safari.) */
function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  if (!signal) return timeout;
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([signal, timeout]);
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  timeout.addEventListener('abort', abort, { once: true });
  return controller.signal;
}

/** Reads an error body `{ code, message }` into a SessionsError; the status decides when the code is unknown. */
async function errorFromResponse(response: Response): Promise<SessionsError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const mapped = toSessionsError({ status: response.status, code: record.code, message: record.message });
  const code = isSessionsErrorCode(record.code) ? record.code : mapped.code;
  return new SessionsError(code, mapped.message, {
    status: response.status,
    retryAfter: retryAfter ?? mapped.retryAfter,
  });
}

export function readRevokedCount(body: unknown): RevokeManyResult {
  const count = (body as { revokedCount?: unknown } | null)?.revokedCount;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new SessionsError('INVALID_RESPONSE', 'Expected { revokedCount: number } from the server.');
  }
  return { revokedCount: count };
}

/**
 * A provider for any backend that speaks the profilekit HTTP contract (docs/rest-contract.md): Laravel,
 * Rails, Django or Express in an afternoon. Status codes and `{ code, message }` bodies become
 * SessionsErrors; an unexpected body is INVALID_RESPONSE, never a crash. The password travels only in a
 * POST body.
 */
/**
 * The HTTP side shared by the user and admin REST providers: base URL, credentials, extra headers, the
 * CSRF header on POSTs, a timeout, and every non-2xx turned into a SessionsError.
 */
export function createRestTransport(options: RestSessionsProviderOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function csrfHeaders(): Promise<Record<string, string>> {
    const { csrf } = options;
    if (csrf === false) return {};
    if (typeof csrf === 'function') {
      const token = await csrf();
      return token ? { [DEFAULT_CSRF_HEADER]: token } : {};
    }
    const token = readCookie(csrf?.cookieName ?? 'XSRF-TOKEN');
    return token ? { [csrf?.headerName ?? DEFAULT_CSRF_HEADER]: token } : {};
  }

  async function request(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal) {
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    const combined = withTimeout(signal, timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        credentials: options.credentials ?? 'include',
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(method === 'POST' ? await csrfHeaders() : {}),
          ...extra,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: combined,
      });
    } catch (error) {
      // The caller's own abort stays an abort (TanStack Query ignores it); anything else is the network.
      if (signal?.aborted) throw error;
      throw new SessionsError('NETWORK', undefined, { cause: error });
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  async function json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      throw new SessionsError('INVALID_RESPONSE', 'The server did not answer with JSON.', { cause: error });
    }
  }

  return { request, json };
}
