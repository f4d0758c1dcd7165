import { notRun } from './expect.js';
import { type CsrfNames, parseCookieHeader } from './options.js';

/** One signed-in browser the kit plays: a fixed Cookie header, like a stolen cookie that is replayed. */
export interface Identity {
  readonly label: string;
  /** Sent as is. The kit never takes a new session cookie from Set-Cookie: a revoked session must fail
   *  with the cookie it had, not merely because the server asked the browser to forget it. */
  cookie: string;
  /** The CSRF header value (the cookie's value, URL-decoded); undefined until known. */
  csrfToken: string | undefined;
  /** The CSRF cookie it came in (its header goes with it); undefined until known. */
  csrfCookie: string | undefined;
  /** The cookies other than the CSRF one: the credentials that must never leak. */
  readonly sessionCookies: ReadonlyArray<readonly [name: string, value: string]>;
}

export interface Exchange {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Whose cookie went with it, as a phrase: `as C1`, `as admin`, `with no cookie`, `with a made-up …`. */
  readonly who: string;
  readonly csrf?: 'sent' | 'omitted' | 'wrong' | 'unknown';
  /** The request body as printed (the password masked). */
  readonly requestBody?: string;
  /** 0 when no answer came (timeout, refused connection). */
  readonly status: number;
  readonly error?: string;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
}

/** An open Server-Sent Events stream. */
export interface EventStream {
  readonly exchange: Exchange;
  /** The next event, or null when none came within `waitMs` or the stream ended. */
  next(waitMs: number): Promise<{ type: string; data: Record<string, unknown> } | null>;
  close(): void;
}

export interface RequestOptions {
  /** A JSON body (POST). @default {} */
  body?: unknown;
  /** A body sent verbatim instead (to test malformed JSON). */
  rawBody?: string;
  /** @default 'send' */
  csrf?: 'send' | 'omit' | 'wrong';
  /** Send this Cookie header instead of the identity's; `who` says what it is (`with …`) in the report. */
  forgedCookie?: { cookie: string; who: string };
}

export interface ClientOptions {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Aborted when the run's global time limit is reached. */
  deadline: AbortSignal;
  maxRequests: number;
  password: string;
  csrf: CsrfNames;
  /** Sign-ins a broken server ended early, by label, with the rule where it happened. */
  lost: ReadonlyMap<string, string>;
  /**
   * Labels whose password actions a broken server locked (all of the test user's, when it counts wrong
   * passwords per user), with the rule that showed it: such a request is "not run", not failed again.
   */
  locked: ReadonlyMap<string, string>;
}

export type Client = ReturnType<typeof createClient>;

const CSRF_SHOWN = { send: 'sent', omit: 'omitted', wrong: 'wrong' } as const;

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Builds an identity from a Cookie header, taking the CSRF token from it when it is there. */
export function identity(label: string, cookie: string, csrfCookieNames: readonly string[]): Identity {
  const pairs = parseCookieHeader(cookie);
  const csrf = pairs.find(([name]) => csrfCookieNames.includes(name));
  return {
    label,
    cookie,
    csrfToken: csrf ? decode(csrf[1]) : undefined,
    csrfCookie: csrf?.[0],
    sessionCookies: pairs.filter(([name]) => !csrfCookieNames.includes(name)),
  };
}

/** The kit's only way to the server: bounded in count and time, and every exchange kept for the report. */
export function createClient(options: ClientOptions) {
  const exchanges: Exchange[] = [];
  const base = options.baseUrl.replace(/\/+$/, '');
  // The report shows what was sent, except the password.
  const maskPassword = (key: string, value: unknown) =>
    key === 'password' && value === options.password ? '•••' : value;

  /**
   * A request; when the server wants a fresh password first (403 REAUTH_REQUIRED, as the contract allows
   * for any endpoint), the kit confirms it as the same identity and sends the request once more.
   */
  async function send(
    method: 'GET' | 'POST',
    who: Identity | null,
    path: string,
    init: RequestOptions = {},
  ): Promise<Exchange> {
    const first = await sendOnce(method, who, path, init);
    const asksFresh =
      first.status === 403 &&
      (first.json as { code?: unknown } | undefined)?.code === 'REAUTH_REQUIRED' &&
      who !== null &&
      init.forgedCookie === undefined &&
      path !== '/sessions/reauthenticate';
    if (!asksFresh) return first;
    const confirmed = await sendOnce('POST', who, '/sessions/reauthenticate', {
      body: { password: options.password },
    });
    if (confirmed.status < 200 || confirmed.status > 299) return first;
    reauthentications += 1;
    return sendOnce(method, who, path, init);
  }

  async function sendOnce(
    method: 'GET' | 'POST',
    who: Identity | null,
    path: string,
    init: RequestOptions = {},
  ): Promise<Exchange> {
    const lostIn = who && init.forgedCookie === undefined ? options.lost.get(who.label) : undefined;
    if (lostIn) notRun(`${who?.label}'s session was ended early by a broken rule (see ${lostIn})`);
    const lockedIn =
      who && typeof (init.body as { password?: unknown } | undefined)?.password === 'string'
        ? options.locked.get(who.label)
        : undefined;
    if (lockedIn)
      notRun(
        `${who?.label}'s password actions are locked by other sessions' wrong passwords (see ${lockedIn})`,
      );
    if (options.deadline.aborted) notRun('the global time limit ran out');
    if (exchanges.length >= options.maxRequests) {
      notRun(`the kit's budget of ${options.maxRequests} requests ran out`);
    }
    const headers = new Headers({ Accept: 'application/json' });
    const cookie = init.forgedCookie?.cookie ?? who?.cookie;
    if (cookie) headers.set('Cookie', cookie);
    let body: string | undefined;
    let requestBody: string | undefined;
    let csrf: Exchange['csrf'];
    if (method === 'POST') {
      headers.set('Content-Type', 'application/json');
      body = init.rawBody ?? JSON.stringify(init.body ?? {});
      requestBody = init.rawBody ?? JSON.stringify(init.body ?? {}, maskPassword);
      const mode = init.csrf ?? 'send';
      const header = options.csrf.headerFor(who?.csrfCookie ?? options.csrf.cookieNames[0] ?? '');
      if (mode === 'wrong') headers.set(header, 'not-the-csrf-token');
      if (mode === 'send' && who?.csrfToken !== undefined) headers.set(header, who.csrfToken);
      csrf = mode === 'send' && who?.csrfToken === undefined ? 'unknown' : CSRF_SHOWN[mode];
    }
    const url = new URL(`${base}${path}`);
    const common = {
      method,
      path: url.pathname + url.search,
      who: init.forgedCookie?.who ?? (who ? `as ${who.label}` : 'with no cookie'),
      ...(csrf ? { csrf } : {}),
      ...(requestBody !== undefined ? { requestBody } : {}),
    };
    let exchange: Exchange;
    const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.deadline]);
    try {
      // Redirects are answers too: a 302 to a login page is not the contract's 401.
      const response = await options.fetch(url, { method, headers, body, redirect: 'manual', signal });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      exchange = { ...common, status: response.status, headers: response.headers, text, json };
      if (who && who.csrfToken === undefined) takeCsrfCookie(who, response.headers);
    } catch (error) {
      const reason = options.deadline.aborted
        ? 'the global time limit ran out'
        : signal.aborted
          ? `no answer within ${options.timeoutMs} ms`
          : String((error as { cause?: Error }).cause?.message ?? (error as Error).message ?? error);
      exchange = { ...common, status: 0, error: reason, headers: new Headers(), text: '', json: undefined };
    }
    exchanges.push(exchange);
    return exchange;
  }

  // A cookie the server hands out (the contract: "sets that cookie on its responses") becomes the header
  // value, and joins the Cookie header so cookie and header match as the double-submit check wants.
  function takeCsrfCookie(who: Identity, headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [name, value] = parseCookieHeader(line.split(';')[0] ?? '')[0] ?? [];
      if (name && options.csrf.cookieNames.includes(name) && value) {
        who.csrfToken = decode(value);
        who.csrfCookie = name;
        who.cookie = `${who.cookie}; ${name}=${value}`;
      }
    }
  }

  let reauthentications = 0;

  /**
   * Opens a Server-Sent Events stream and reads its events as they come. The exchange is recorded with
   * its status and headers (not the endless body); `next` waits at most `waitMs` for the next event.
   */
  async function openStream(who: Identity, path: string): Promise<EventStream> {
    if (exchanges.length >= options.maxRequests) {
      notRun(`the kit's budget of ${options.maxRequests} requests ran out`);
    }
    const controller = new AbortController();
    const abortOnDeadline = () => controller.abort();
    options.deadline.addEventListener('abort', abortOnDeadline, { once: true });
    const url = new URL(`${base}${path}`);
    const common = { method: 'GET' as const, path: url.pathname + url.search, who: `as ${who.label}` };
    let response: Response;
    try {
      response = await options.fetch(url, {
        headers: { Accept: 'text/event-stream', Cookie: who.cookie },
        redirect: 'manual',
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(options.timeoutMs * 20)]),
      });
    } catch (error) {
      const exchange = {
        ...common,
        status: 0,
        error: String((error as Error).message ?? error),
        headers: new Headers(),
        text: '',
        json: undefined,
      };
      exchanges.push(exchange);
      return { exchange, next: async () => null, close: () => {} };
    }
    const streaming =
      response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
    const text = streaming ? '' : await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const exchange: Exchange = { ...common, status: response.status, headers: response.headers, text, json };
    exchanges.push(exchange);
    const reader = streaming ? response.body?.getReader() : undefined;
    const decoder = new TextDecoder();
    let buffer = '';
    let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
    const close = () => {
      options.deadline.removeEventListener('abort', abortOnDeadline);
      controller.abort();
    };
    return {
      exchange,
      close,
      async next(waitMs: number) {
        const until = Date.now() + waitMs;
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: ?(.*)$/m.exec(block)?.[1];
            const data = /^data: ?(.*)$/m.exec(block)?.[1];
            if (!type || data === undefined) continue;
            try {
              return { type, data: JSON.parse(data) as Record<string, unknown> };
            } catch {
              return { type, data: { unreadable: data } };
            }
          }
          const left = until - Date.now();
          if (!reader || left <= 0) return null;
          pending ??= reader.read();
          let timer: ReturnType<typeof setTimeout> | undefined;
          const result = await Promise.race([
            pending,
            new Promise<'late'>((r) => {
              timer = setTimeout(() => r('late'), left);
            }),
          ]);
          // A timer left running would keep the process (the CLI) alive after the summary.
          clearTimeout(timer);
          if (result === 'late') return null;
          pending = undefined;
          if (result.done) return null;
          buffer += decoder.decode(result.value, { stream: true });
        }
      },
    };
  }

  return {
    exchanges,
    get reauthentications() {
      return reauthentications;
    },
    openStream,
    get: (who: Identity | null, path: string, init?: RequestOptions) => send('GET', who, path, init),
    async post(who: Identity | null, path: string, init?: RequestOptions) {
      // The contract's recipe when the cookie given did not carry the token: GET /sessions sets it.
      if (who && who.csrfToken === undefined && (init?.csrf ?? 'send') === 'send') {
        await send('GET', who, '/sessions');
      }
      return send('POST', who, path, init);
    },
  };
}
