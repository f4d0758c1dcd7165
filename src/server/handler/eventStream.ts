import type { AuthenticatedRequest, SessionManager } from '../createSessionManager.js';
import type { SessionEvent } from '../events.js';
import { ContractResponse } from './responses.js';

// Proxies and load balancers drop connections that stay silent for a minute or so: a comment line every
// 25 seconds keeps the stream open without waking the client.
const DEFAULT_HEARTBEAT_MS = 25_000;
// How long the browser waits before reconnecting after a dropped stream (the kit adds its own backoff).
const RECONNECT_MS = 2_000;

type Subscriber = { sessionId: string; send: (event: SessionEvent) => void };

/**
 * Server-Sent Events for each signed-in device: `session.started` and `session.ended` for the user's other
 * sessions, and `signed-out` (with who or what ended it) to the ended session itself, after which the
 * stream closes. One subscription to the manager's event bus serves every open stream, indexed by user, so
 * a thousand open streams cost one lookup per event, not a thousand.
 */
export function createEventStreams(manager: SessionManager, heartbeatMs = DEFAULT_HEARTBEAT_MS) {
  const byUser = new Map<string, Set<Subscriber>>();
  let sequence = 0;
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

  return {
    /** How many streams are open (for tests and metrics). */
    openStreams: () => [...byUser.values()].reduce((sum, set) => sum + set.size, 0),

    open(request: Request, auth: AuthenticatedRequest): ContractResponse {
      const encoder = new TextEncoder();
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
            sequence += 1;
            write(
              `id: ${Date.now().toString(36)}-${sequence}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`,
            );
          };
          const subscriber: Subscriber = {
            sessionId: auth.session.id,
            send(event) {
              if (event.type === 'session.started') {
                if (event.sessionId !== auth.session.id)
                  frame('session.started', { sessionId: event.sessionId });
                return;
              }
              if (event.sessionId !== auth.session.id) {
                frame('session.ended', { sessionId: event.sessionId, reason: event.reason });
                return;
              }
              frame('signed-out', {
                sessionId: event.sessionId,
                reason: event.reason,
                bySessionId: event.bySessionId,
              });
              cleanup();
              try {
                controller.close();
              } catch {
                // Already closed by the client.
              }
            },
          };
          const heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
          // Never keeps a process alive on its own (tests, graceful shutdown).
          heartbeat.unref?.();
          cleanup = () => {
            clearInterval(heartbeat);
            remove(auth.userId, subscriber);
            cleanup = () => {};
          };
          add(auth.userId, subscriber);
          request.signal?.addEventListener('abort', () => cleanup(), { once: true });
          // "connected" only once the bus can deliver: over PostgreSQL, once LISTEN is on. Until then an
          // event could be missed, and the kit refetches on connect to cover exactly that gap.
          await manager.events.ready?.().catch(() => {});
          write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
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
