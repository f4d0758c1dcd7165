import type { SessionStore } from '../types.js';

export interface PasswordAttemptPolicy {
  /** Wrong passwords allowed per user within the window before answers turn to 429. @default 5 */
  maxFailures?: number;
  /** @default 15 minutes */
  windowMs?: number;
}

export type PasswordCheck =
  | { ok: true }
  | { ok: false; code: 'INVALID_PASSWORD' }
  | { ok: false; code: 'RATE_LIMITED'; retryAfter: number };

/**
 * Password checks with a limit on wrong ones, counted in the store (so the limit holds across instances).
 * The handler uses one for every confirmation; a host's sign-in can share it so a guesser gains nothing
 * by switching forms.
 */
export function createPasswordLimiter(
  store: SessionStore,
  policy: PasswordAttemptPolicy = {},
  now = Date.now,
) {
  const maxFailures = policy.maxFailures ?? 5;
  const windowMs = policy.windowMs ?? 15 * 60_000;
  const secondsLeft = (windowStart: number, at: number) =>
    Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000));

  return {
    /** Runs `verify` unless `key` is locked out; a wrong or missing password counts against it. */
    async check(
      key: string,
      password: unknown,
      verify: (password: string) => Promise<boolean>,
    ): Promise<PasswordCheck> {
      const at = now();
      // Counted before the check, atomically in the store: concurrent guesses (on any instance) cannot
      // all slip in under the limit. A right password then clears the tally.
      const tally = await store.recordPasswordFailure(key, { now: at, windowMs });
      if (tally.failures > maxFailures) {
        return { ok: false, code: 'RATE_LIMITED', retryAfter: secondsLeft(tally.windowStart, at) };
      }
      const right = typeof password === 'string' && password !== '' && (await verify(password));
      if (!right) return { ok: false, code: 'INVALID_PASSWORD' };
      await store.clearPasswordFailures(key);
      return { ok: true };
    },
  };
}

export type PasswordLimiter = ReturnType<typeof createPasswordLimiter>;
