import type { SessionEndCause } from '../contract/events.js';

export type { SessionEndCause } from '../contract/events.js';

export type SessionEvent =
  | { type: 'session.started'; userId: string; sessionId: string; at: number }
  | {
      type: 'session.ended';
      userId: string;
      sessionId: string;
      at: number;
      cause: SessionEndCause;
      /** The session whose request ended it; null when an admin or the host did. */
      bySessionId: string | null;
    };

export type SessionEventListener = (event: SessionEvent) => void;

/**
 * How session events travel between the manager and whoever listens (the handler's event stream). The
 * default stays in one process; a store shared by several instances brings one that fans out (PostgreSQL's
 * LISTEN/NOTIFY), so a revoke answered by one instance reaches a device connected to another.
 */
export interface SessionEventBus {
  publish(event: SessionEvent): void | Promise<void>;
  subscribe(listener: SessionEventListener): () => void;
  /** Resolves once events published anywhere will reach this process's subscribers (e.g. LISTEN is on). */
  ready?(): Promise<void>;
}

/** Events within this process only: right for one instance over SQLite. */
export function createInProcessEventBus(): SessionEventBus {
  const listeners = new Set<SessionEventListener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // One failing listener must not keep the event from the others, nor fail the revoke.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
