/** A typed event channel: the data layer says what happened, whoever listens (announcer, other tabs) acts. */
export interface Emitter<Event> {
  emit: (event: Event) => void;
  /** Returns the unsubscribe. */
  subscribe: (listener: (event: Event) => void) => () => void;
}

export function createEmitter<Event>(): Emitter<Event> {
  const listeners = new Set<(event: Event) => void>();
  return {
    emit: (event) => {
      for (const listener of [...listeners]) listener(event);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
