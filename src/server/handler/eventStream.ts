import {
  SESSION_EVENTS,
  type SessionEndedData,
  STREAM_RETRY_MS,
  sessionSetFingerprint,
} from '../../contract/index.js';
import type { AuthenticatedRequest, SessionManager } from '../createSessionManager.js';
import type { SessionEvent } from '../events.js';
import { ContractResponse, fail } from './responses.js';

export interface EventStreamOptions {
  /**
   * How often an open stream sends a keep-alive comment; it is also when a stream notices that its
   * session expired, and closes. @default 25 seconds
   */
  heartbeatMs?: number;
  /** Open streams one session may hold (its tabs); one more is refused with 429. @default 8 */
  maxPerSession?: number;
  /** Open streams one user may hold across sessions. @default 32 */
  maxPerUser?: number;
}

// Proxies and load balancers drop connections that stay silent for a minute or so: a comment line every
// 25 seconds keeps the stream open without waking the client.
const DEFAULT_HEARTBEAT_MS = 25_000;
// Streams are long-lived sockets: without caps one session could hold every descriptor the process has,
// and every other user's connections would be refused. A session is a browser, whose tabs each open one.
const DEFAULT_MAX_PER_SESSION = 8;
const DEFAULT_MAX_PER_USER = 32;

interface Subscriber {
  sessionId: string;
  send: (event: SessionEvent) => void;
}

/**
 * Server-Sent Events for each signed-in device: `session.started` and `session.ended` for the user's other
 * sessions, and `signed-out` (with who or what ended it) to the ended session itself, after which the
 * stream closes — also when the session simply expires. One subscription to the manager's event bus
 * serves every open stream, indexed by user, so a thousand open streams cost one lookup per event.
 */
export function createEventStreams(manager: SessionManager, options: EventStreamOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxPerSession = options.maxPerSession ?? DEFAULT_MAX_PER_SESSION;
  const maxPerUser = options.maxPerUser ?? DEFAULT_MAX_PER_USER;
  const byUser = new Map<string, Set<Subscriber>>();
  let unsubscribe: (() => void) | null = null;

  const dispatch = (event: SessionEvent) => {
    for (const subscriber of byUser.get(event.userId) ?? []) subscriber.send(event);
  };
  const add = (userId: string, subscriber: Subscriber) => {
    unsubscribe ??= manager.subscribe(dispatch);
    const set = byUser.get(userId) ?? new Set<Subscriber>();
    set.add(subscriber);
    byUser.set(userId, set);
  };
  const remove = (userId: string, subscriber: Subscriber) => {
    const set = byUser.get(userId);
    set?.delete(subscriber);
    if (set?.size === 0) byUser.delete(userId);
    if (byUser.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
  const countOf = (userId: string, sessionId: string) => {
    const set = byUser.get(userId) ?? new Set<Subscriber>();
    let ofSession = 0;
    for (const subscriber of set) if (subscriber.sessionId === sessionId) ofSession += 1;
    return { ofSession, ofUser: set.size };
  };

  return {
    open(request: Request, auth: AuthenticatedRequest): ContractResponse {
      const userId = auth.userId;
      const sessionId = auth.session.id;
      const open = countOf(userId, sessionId);
      if (open.ofSession >= maxPerSession || open.ofUser >= maxPerUser) {
        const whose = open.ofSession >= maxPerSession ? 'this session' : 'this account';
        return fail(429, 'RATE_LIMITED', `Too many open event streams for ${whose}.`, STREAM_RETRY_MS / 1000);
      }
      const encoder = new TextEncoder();
      // Ids count this stream's own events: they say nothing about anyone else's activity.
      let eventId = 0;
      let expiresAt = auth.session.expiresAt;
      let cleanup = () => {};
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          const write = (text: string) => {
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              cleanup();
            }
          };
          const frame = (type: string, data: object) => {
            eventId += 1;
            write(`id: ${eventId}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
          };
          const end = (data: SessionEndedData) => {
            frame(SESSION_EVENTS.signedOut, data);
            cleanup();
            try {
              controller.close();
            } catch {
              // Already closed by the client.
            }
          };
          const subscriber: Subscriber = {
            sessionId,
            send(event) {
              if (event.type === 'session.started') {
                if (event.sessionId !== sessionId)
                  frame(SESSION_EVENTS.started, { sessionId: event.sessionId });
                return;
              }
              const data = { sessionId: event.sessionId, cause: event.cause, bySessionId: event.bySessionId };
              if (event.sessionId !== sessionId) frame(SESSION_EVENTS.ended, data);
              else end(data);
            },
          };
          // A session's expiry slides with its use elsewhere (another tab's requests): when the one this
          // stream knows has passed, the store says whether it still lives.
          const checkExpiry = async () => {
            if (manager.now() < expiresAt) return;
            const current = await manager.getSession(sessionId).catch(() => undefined);
            if (current === undefined) return; // The store is away: ask again at the next beat.
            if (current && current.expiresAt > manager.now()) expiresAt = current.expiresAt;
            else end({ sessionId, cause: 'expired', bySessionId: null });
          };
          const heartbeat = setInterval(() => {
            write(': keep-alive\n\n');
            void checkExpiry();
          }, heartbeatMs);
          // Never keeps a process alive on its own (tests, graceful shutdown).
          heartbeat.unref?.();
          cleanup = () => {
            clearInterval(heartbeat);
            remove(userId, subscriber);
            cleanup = () => {};
          };
          add(userId, subscriber);
          request.signal?.addEventListener('abort', () => cleanup(), { once: true });
          // "connected" only once the bus can deliver: over PostgreSQL, once LISTEN is on. Until then an
          // event could be missed, and the kit refetches on connect to cover exactly that gap.
          await manager.eventsReady().catch(() => {});
          // The sessions as they stand now, named: the kit compares the name with the list it holds and
          // refetches only when something changed before this stream was listening.
          const live = await manager.listSessions(userId).catch(() => null);
          write(`retry: ${STREAM_RETRY_MS}\n: connected\n\n`);
          frame(SESSION_EVENTS.connected, {
            fingerprint: live ? sessionSetFingerprint(live.map((s) => s.id)) : null,
          });
        },
        cancel() {
          cleanup();
        },
      });
      const response = new ContractResponse(200, undefined, body);
      response.headers.set('Content-Type', 'text/event-stream; charset=utf-8');
      // Nginx and similar proxies buffer responses unless told not to; events must arrive at once.
      response.headers.set('X-Accel-Buffering', 'no');
      return response;
    },
  };
}
