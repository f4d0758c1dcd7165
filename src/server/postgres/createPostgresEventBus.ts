import type { SessionEvent, SessionEventBus, SessionEventListener } from '../events.js';
import { quoteIdentifier } from './identifiers.js';
import type { PostgresListenClient, PostgresListenPool, PostgresQueryable } from './postgresTypes.js';

export const DEFAULT_EVENT_CHANNEL = 'profilekit_session_events';
// NOTIFY refuses payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7999;

export interface PostgresEventBusOptions {
  /** The NOTIFY channel; every instance of one deployment must use the same. @default 'profilekit_session_events' */
  channel?: string;
  /**
   * Where `publish` runs `pg_notify`. Defaults to the pool when one is passed; with a client factory,
   * to the listen connection itself (waiting for it while it reconnects).
   */
  publisher?: PostgresQueryable;
  /** Waits between attempts to get the listen connection back: doubling from `min` up to `max`, with jitter. */
  reconnectDelayMs?: { min?: number; max?: number };
  /**
   * How often the idle listen connection is checked with a `SELECT 1`, so a connection that died silently
   * (no reset reached us) is noticed and replaced. 0 turns the check off. @default 30000
   */
  keepAliveMs?: number;
  /**
   * Told about every trouble the bus handles by itself: the listen connection lost (it reconnects), a
   * publish that failed (the event is dropped, the caller is not failed), a payload that is not an event.
   * @default console.error
   */
  onError?: (error: Error) => void;
}

export interface PostgresEventBus extends SessionEventBus {
  /** Resolves once this bus is LISTENing (starting the connection if need be); rejects after `close()`. */
  ready(): Promise<void>;
  /** Stops listening and closes the listen connection. Later publishes and subscriptions do nothing. */
  close(): Promise<void>;
}

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

const isSessionEvent = (value: unknown): value is SessionEvent => {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<SessionEvent>;
  return (
    (event.type === 'session.started' || event.type === 'session.ended') &&
    typeof event.userId === 'string' &&
    typeof event.sessionId === 'string' &&
    typeof event.at === 'number'
  );
};

/**
 * Session events between every instance over one PostgreSQL database, by LISTEN/NOTIFY: a revoke answered
 * by one instance reaches a device whose event stream is held by another. `publish` runs
 * `SELECT pg_notify(channel, json)`; each subscriber in this process receives every event any instance
 * publishes (this one included) once, in the order the database delivered them.
 *
 * The bus keeps one dedicated connection LISTENing, taken on the first `subscribe` (or `ready`) and held
 * until `close()`: from the pool (`pool.connect()`, so size the pool one larger), or from a factory of your
 * own (a `pg.Client` outside the pool). When that connection drops, the bus connects again with backoff
 * and LISTENs again; events published while it was away are not replayed (NOTIFY keeps no history).
 *
 * @example
 * const events = createPostgresEventBus(pool);
 * const manager = createSessionManager({ store: createPostgresSessionStore(pool), events });
 */
export function createPostgresEventBus(
  source: PostgresListenPool | (() => Promise<PostgresListenClient>),
  options: PostgresEventBusOptions = {},
): PostgresEventBus {
  const channel = options.channel ?? DEFAULT_EVENT_CHANNEL;
  const listenSql = `LISTEN ${quoteIdentifier(channel, 'channel')}`;
  const connect = typeof source === 'function' ? source : () => source.connect();
  const publisher = options.publisher ?? (typeof source === 'function' ? null : source);
  const minDelay = Math.max(1, options.reconnectDelayMs?.min ?? 100);
  const maxDelay = Math.max(minDelay, options.reconnectDelayMs?.max ?? 30_000);
  const keepAliveMs = options.keepAliveMs ?? 30_000;
  const report = (error: unknown) => {
    try {
      (options.onError ?? ((e: Error) => console.error('profilekit: PostgreSQL event bus:', e)))(
        toError(error),
      );
    } catch {
      // A failing reporter must not break the bus.
    }
  };

  const listeners = new Set<SessionEventListener>();
  let state: 'idle' | 'connecting' | 'listening' | 'closed' = 'idle';
  // A function, so TypeScript does not narrow `state` across the awaits where close() may run.
  const closed = () => state === 'closed';
  // Each connection gets a generation; anything a replaced connection still emits is ignored, so an event
  // can never arrive twice through an old and a new connection.
  let generation = 0;
  let current: { client: PostgresListenClient; generation: number } | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let keepAliveTimer: ReturnType<typeof setInterval> | undefined;
  let waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  const settleWaiters = (error?: Error) => {
    const settled = waiters;
    waiters = [];
    for (const waiter of settled) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  };

  const dispose = async (client: PostgresListenClient, error?: Error) => {
    try {
      // A LISTENing connection never goes back to a pool: release(true) closes it.
      if (client.release) client.release(error ?? true);
      else await client.end?.();
    } catch {
      // Already closed.
    }
  };

  const deliver = (payload: string | undefined) => {
    let event: unknown;
    try {
      event = JSON.parse(payload ?? '');
    } catch {
      event = undefined;
    }
    if (!isSessionEvent(event)) {
      report(new Error(`Ignored a notification on "${channel}" that is not a session event.`));
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One failing listener must not keep the event from the others.
      }
    }
  };

  const scheduleReconnect = () => {
    if (state === 'closed') return;
    state = 'connecting';
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void open();
    }, delay);
    retryTimer.unref?.();
  };

  async function open() {
    if (closed()) return;
    state = 'connecting';
    const mine = ++generation;
    let client: PostgresListenClient;
    try {
      client = await connect();
    } catch (error) {
      if (closed()) return;
      report(error);
      scheduleReconnect();
      return;
    }
    if (closed() || mine !== generation) {
      await dispose(client);
      return;
    }
    let lost = false;
    const drop = (error: Error) => {
      if (lost || mine !== generation) return;
      lost = true;
      current = null;
      clearInterval(keepAliveTimer);
      void dispose(client, error);
      if (closed()) return;
      report(error);
      scheduleReconnect();
    };
    client.on('notification', (message) => {
      if (!lost && mine === generation && message.channel === channel) deliver(message.payload);
    });
    client.on('error', (error) => drop(error));
    client.on('end', () => drop(new Error('The LISTEN connection ended.')));
    current = { client, generation: mine };
    try {
      await client.query(listenSql);
    } catch (error) {
      drop(toError(error));
      return;
    }
    if (lost || mine !== generation || closed()) return;
    state = 'listening';
    attempt = 0;
    settleWaiters();
    if (keepAliveMs > 0) {
      keepAliveTimer = setInterval(() => {
        let answered = false;
        const timeout = setTimeout(() => {
          if (!answered) drop(new Error(`The LISTEN connection did not answer within ${keepAliveMs} ms.`));
        }, keepAliveMs);
        timeout.unref?.();
        client.query('SELECT 1').then(
          () => {
            answered = true;
            clearTimeout(timeout);
          },
          (error: unknown) => {
            answered = true;
            clearTimeout(timeout);
            drop(toError(error));
          },
        );
      }, keepAliveMs);
      keepAliveTimer.unref?.();
    }
  }

  const ready = () => {
    if (state === 'closed') return Promise.reject(new Error('The event bus is closed.'));
    if (state === 'listening') return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    if (state === 'idle') void open();
    return waiting;
  };

  return {
    async publish(event) {
      if (state === 'closed') return;
      const payload = JSON.stringify(event);
      const bytes = new TextEncoder().encode(payload).length;
      if (bytes > MAX_PAYLOAD_BYTES) {
        report(new Error(`A session event of ${bytes} bytes is too large for NOTIFY.`));
        return;
      }
      try {
        let target = publisher;
        if (!target) {
          await ready();
          target = current?.client ?? null;
        }
        if (!target) throw new Error('The LISTEN connection was lost before the event could be published.');
        await target.query('SELECT pg_notify($1, $2)', [channel, payload]);
      } catch (error) {
        // The revoke or sign-in that raised this event has happened; failing it now would only mislead.
        report(error);
      }
    },
    subscribe(listener) {
      if (state === 'closed') return () => {};
      listeners.add(listener);
      if (state === 'idle') void open();
      return () => {
        listeners.delete(listener);
      };
    },
    ready,
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      generation += 1;
      clearTimeout(retryTimer);
      clearInterval(keepAliveTimer);
      listeners.clear();
      settleWaiters(new Error('The event bus is closed.'));
      const closing = current;
      current = null;
      if (closing) await dispose(closing.client);
    },
  };
}
