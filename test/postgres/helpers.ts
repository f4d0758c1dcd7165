// Shared by the test/postgres files: the PostgreSQL URL (never a silent skip), free ports, a device that
// signs in over HTTP like a browser tab, and a reader for the server-sent event stream.
import { createServer } from 'node:net';
import { DEMO_CREDENTIALS } from '../../examples/server/seed.js';
import { cookieJarFetch } from '../integration/helpers/cookieJarFetch.js';

/** PROFILEKIT_PG_URL, or a loud failure: a green run must mean a real PostgreSQL server was there. */
export function requirePostgresUrl(file: string): string {
  const url = process.env.PROFILEKIT_PG_URL;
  if (!url) {
    throw new Error(
      `${file} needs a PostgreSQL server and PROFILEKIT_PG_URL is not set. Run it through the ` +
        'throwaway-cluster script: node scripts/with-postgres.mjs node_modules/.bin/vitest run ' +
        `--project postgres ${file}`,
    );
  }
  return url;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(10);
  }
}

export const { user: USER, admin: ADMIN } = DEMO_CREDENTIALS;

/** A signed-in browser tab: its own cookie jar; requests go to its instance unless another origin is given. */
export interface Device {
  /** The session id (`currentSessionId` of its first GET /api/sessions). */
  id: string;
  origin: string;
  userAgent: string;
  /** The Cookie header this tab sends (session and XSRF-TOKEN). */
  cookie(): string;
  get(path: string, origin?: string): Promise<Response>;
  post(path: string, body?: unknown, origin?: string): Promise<Response>;
  fetch: typeof fetch;
}

/** A tab that has fetched the CSRF cookie but not signed in yet. */
export async function openTab(origin: string, userAgent: string) {
  const browser = cookieJarFetch(origin, userAgent);
  const csrf = await browser.fetch('/api/csrf');
  if (csrf.status !== 204) throw new Error(`GET /api/csrf answered ${csrf.status}`);
  const at = (path: string, origin2?: string) => (origin2 ? `${origin2}${path}` : path);
  return {
    browser,
    get: (path: string, origin2?: string) => browser.fetch(at(path, origin2)),
    post: (path: string, body?: unknown, origin2?: string) =>
      browser.fetch(at(path, origin2), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': browser.csrfToken() ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** Signs in through the demo's own form endpoint (GET /api/csrf, POST /api/auth/sign-in) and learns its id. */
export async function signInDevice(
  origin: string,
  userAgent: string,
  credentials: { email: string; password: string } = USER,
): Promise<Device> {
  const tab = await openTab(origin, userAgent);
  const signIn = await tab.post('/api/auth/sign-in', {
    email: credentials.email,
    password: credentials.password,
  });
  if (signIn.status !== 200) {
    throw new Error(
      `sign-in as ${credentials.email} on ${origin} answered ${signIn.status}: ${await signIn.text()}`,
    );
  }
  const list = await tab.get('/api/sessions');
  const body = (await list.json()) as { currentSessionId?: string; code?: string };
  if (list.status !== 200 || !body.currentSessionId) {
    throw new Error(`GET /api/sessions after sign-in answered ${list.status} ${JSON.stringify(body)}`);
  }
  return {
    id: body.currentSessionId,
    origin,
    userAgent,
    cookie: () => [...tab.browser.jar].map(([name, value]) => `${name}=${value}`).join('; '),
    get: tab.get,
    post: tab.post,
    fetch: tab.browser.fetch,
  };
}

/** The session ids a device's GET /api/sessions lists (sorted), or the status when it is not 200. */
export async function listedIds(device: Device, origin?: string): Promise<string[] | number> {
  const response = await device.get('/api/sessions', origin);
  if (response.status !== 200) {
    await response.body?.cancel();
    return response.status;
  }
  const body = (await response.json()) as { sessions: { id: string }[] };
  return body.sessions.map((s) => s.id).sort();
}

export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
  /** performance.now() when the event's last byte was read. */
  at: number;
}

export interface EventStream {
  status: number;
  events: StreamEvent[];
  /** Comment lines seen (`connected`, `keep-alive`). */
  comments: string[];
  /** performance.now() when the server ended the stream, or null while it is open. */
  closedAt: number | null;
  /** An error the reader met (other than our own abort). */
  error: unknown;
  /** The first event (already received or yet to come) that matches, within the time limit. */
  next(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

/** Opens GET /api/sessions/events as the device and reads it in the background, timing every event. */
export async function openEventStream(device: Device, origin?: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await device.fetch(origin ? `${origin}/api/sessions/events` : '/api/sessions/events', {
    signal: abort.signal,
  });
  const stream: EventStream = {
    status: response.status,
    events: [],
    comments: [],
    closedAt: null,
    error: null,
    async next(match, timeoutMs = 15_000) {
      let found: StreamEvent | undefined;
      await waitFor(
        () => {
          found = stream.events.find(match);
          return found !== undefined;
        },
        'a matching server-sent event',
        timeoutMs,
      );
      return found as StreamEvent;
    },
    close: () => abort.abort(),
  };
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    return stream;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          stream.closedAt = performance.now();
          return;
        }
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n'))
            if (line.startsWith(': ')) stream.comments.push(line.slice(2));
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) stream.events.push({ event, data: JSON.parse(data), at });
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) stream.error = error;
      stream.closedAt ??= performance.now();
    }
  })();
  // The server writes `retry:` and `: connected` at once: wait for it, so the stream is surely subscribed.
  await waitFor(
    () => stream.comments.includes('connected') || stream.closedAt !== null,
    'the stream to open',
  );
  return stream;
}
