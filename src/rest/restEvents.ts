import { isSessionEndCause, SESSION_EVENTS } from '../contract/index.js';
import type { SessionsLiveEvent } from '../provider/types.js';

/** The browser's EventSource, or a compatible one (tests, polyfills). */
export type EventSourceConstructor = new (
  url: string,
  init?: { withCredentials?: boolean },
) => Pick<EventSource, 'addEventListener' | 'close' | 'readyState'> & {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
};

// After the stream fails (refused, dropped, or the server gone), reconnect after 1 s, doubling up to a
// minute while it keeps failing, with jitter so a thousand devices dropped by one restart do not return in
// the same second. A minute: the kit polls meanwhile, and a stopped server costs one console error a minute.
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

const readJson = (event: Event): Record<string, unknown> => {
  try {
    const data: unknown = JSON.parse(String((event as MessageEvent).data));
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const readCause = (value: unknown) => (isSessionEndCause(value) ? value : undefined);
const readId = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Subscribes to `GET {baseUrl}/sessions/events` (docs/rest-contract.md, "Live events"). Any failure closes
 * the EventSource and reconnects with backoff, reset once the server says `connected`: left to itself the
 * browser retries a lost server every 2 s forever (the stream's `retry:`), each refusal a console error,
 * and gives up for good after a 4xx/5xx. Every (re)connect is reported as `connected`, so the kit
 * refetches and nothing that happened while the stream was down is missed.
 */
export function subscribeToRestEvents(
  url: string,
  withCredentials: boolean,
  Source: EventSourceConstructor,
  listener: (event: SessionsLiveEvent) => void,
): () => void {
  let stopped = false;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let source: InstanceType<EventSourceConstructor> | undefined;
  const emit = (event: SessionsLiveEvent) => {
    if (!stopped) listener(event);
  };

  const connect = () => {
    if (stopped) return;
    const current = new Source(url, { withCredentials });
    source = current;
    // Connected once the server says so, with the name of the session set it sees (the kit refetches only
    // when its own list differs).
    current.addEventListener(SESSION_EVENTS.connected, (event) => {
      attempt = 0;
      const fingerprint = readJson(event).fingerprint;
      emit(typeof fingerprint === 'string' ? { type: 'connected', fingerprint } : { type: 'connected' });
    });
    current.onerror = () => {
      current.close();
      emit({ type: 'disconnected' });
      if (stopped) return;
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.75 + Math.random() / 2);
      attempt += 1;
      retry = setTimeout(connect, delay);
    };
    current.addEventListener(SESSION_EVENTS.started, (event) => {
      const sessionId = readId(readJson(event).sessionId);
      if (sessionId) emit({ type: SESSION_EVENTS.started, sessionId });
    });
    current.addEventListener(SESSION_EVENTS.ended, (event) => {
      const data = readJson(event);
      const sessionId = readId(data.sessionId);
      const bySessionId = readId(data.bySessionId) ?? null;
      if (sessionId)
        emit({ type: SESSION_EVENTS.ended, sessionId, cause: readCause(data.cause), bySessionId });
    });
    current.addEventListener(SESSION_EVENTS.signedOut, (event) => {
      const data = readJson(event);
      emit({
        type: SESSION_EVENTS.signedOut,
        cause: readCause(data.cause),
        bySessionId: readId(data.bySessionId) ?? null,
      });
      // This session is over: a reconnect would only be refused.
      stop();
    });
  };
  const stop = () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
  connect();
  return stop;
}
