import type { AttemptsUpdate, SessionStore } from '../types.js';

/** Where a limit keeps its attempts: a store, or the manager (which passes them to its store). */
export type AttemptStore = Pick<SessionStore, 'updateAttempts'>;

/**
 * Sliding windows over a key's recent attempts, the one place their arithmetic lives. A fixed window
 * lets twice its limit through at its edge (the end of one and the start of the next); a sliding one
 * counts the attempts of the last `windowMs` whenever it is asked.
 */
export interface AttemptWindow {
  store: AttemptStore;
  windowMs: number;
  now: () => number;
}

/** The attempts still inside the window that ends at `now`, oldest first. */
export const recentAttempts = (attempts: readonly number[], now: number, windowMs: number) =>
  attempts.filter((at) => at > now - windowMs && at <= now);

/** Whole seconds (at least 1) from `now` until `at`: a Retry-After value. */
export const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/** When one more attempt fits under `limit`: the moment the oldest that keeps it full leaves the window. */
export const roomAt = (recent: readonly number[], limit: number, windowMs: number) =>
  (recent[recent.length - limit] ?? 0) + windowMs;

/** Runs `update` over the key's attempts still in the window, keeping at most `keep` of the newest. */
export function updateWindow<Result>(
  window: AttemptWindow,
  key: string,
  keep: number,
  update: (recent: readonly number[], now: number) => { attempts: readonly number[]; result: Result },
): Promise<Result> {
  const now = window.now();
  const step: AttemptsUpdate<Result> = (attempts) => {
    const { attempts: next, result } = update(recentAttempts(attempts, now, window.windowMs), now);
    return { attempts: next.slice(-keep), result };
  };
  return window.store.updateAttempts(key, step, { keepUntil: now + window.windowMs });
}

/** The key's attempts in the window, without changing them. */
export const readWindow = (window: AttemptWindow, key: string, keep: number) =>
  updateWindow(window, key, keep, (recent) => ({ attempts: recent, result: recent }));

/** Adds one attempt at now. */
export const addAttempt = (window: AttemptWindow, key: string, keep: number) =>
  updateWindow(window, key, keep, (recent, now) => ({ attempts: [...recent, now], result: undefined }));

/** Forgets the key (a right password). */
export const clearAttempts = (window: AttemptWindow, key: string) =>
  updateWindow(window, key, 1, () => ({ attempts: [], result: undefined }));
