/**
 * What a store throws when its database cannot be reached (down, restarting, out of connections, locked
 * past its timeout): the handler answers 503 UNAVAILABLE, "try again shortly", instead of 500. Any other
 * error is a bug and stays a 500. A store of your own wraps its driver's connection errors in it.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message = 'The session store is unavailable.', options?: { cause?: unknown }) {
    super(message, options);
  }
}
