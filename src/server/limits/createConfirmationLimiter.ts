import {
  type AttemptStore,
  type AttemptWindow,
  addAttempt,
  clearAttempts,
  readWindow,
  roomAt,
  secondsUntil,
  updateWindow,
} from './attemptWindows.js';

/** How many wrong passwords a signed-in user's confirmations may send (docs/server.md, "Limits"). */
export interface PasswordAttemptPolicy {
  /**
   * Wrong passwords one session may send within the window; past that, that session's confirmations
   * answer 429 until the oldest leaves the window. Other sessions of the user are not touched, so a thief
   * holding one session cannot stop the owner from signing it out. @default 5
   */
  perSession?: number;
  /**
   * A ceiling over all of a user's sessions (a thief holding several): past it, a session that has sent a
   * wrong password itself is refused too. A session with no wrong password in the window never is.
   * @default 20
   */
  perUser?: number;
  /** The sliding window. @default 15 minutes */
  windowMs?: number;
}

export const DEFAULT_PASSWORD_ATTEMPTS = { perSession: 5, perUser: 20, windowMs: 15 * 60_000 } as const;

export type PasswordCheck =
  | { ok: true }
  | { ok: false; code: 'INVALID_PASSWORD' }
  | { ok: false; code: 'RATE_LIMITED'; retryAfter: number };

/**
 * The password check before a signed-in user's destructive action, with its limits counted in the store
 * (so they hold across instances). A wrong password counts against the session that sent it, and against
 * the user's ceiling; anonymous sign-in failures have keys of their own (createSignInLimiter) and never
 * reach these.
 */
export function createConfirmationLimiter(
  store: AttemptStore,
  policy: PasswordAttemptPolicy = {},
  now: () => number = Date.now,
) {
  const perSession = policy.perSession ?? DEFAULT_PASSWORD_ATTEMPTS.perSession;
  const perUser = policy.perUser ?? DEFAULT_PASSWORD_ATTEMPTS.perUser;
  const window: AttemptWindow = {
    store,
    now,
    windowMs: policy.windowMs ?? DEFAULT_PASSWORD_ATTEMPTS.windowMs,
  };

  return {
    async check(
      caller: { sessionId: string; userId: string },
      password: unknown,
      verify: (password: string) => Promise<boolean>,
    ): Promise<PasswordCheck> {
      const sessionKey = `confirm:session:${caller.sessionId}`;
      const userKey = `confirm:user:${caller.userId}`;
      // The attempt is counted before the password is checked, atomically: concurrent guesses (on any
      // instance) cannot all slip in under the limit. A refused attempt is not counted, so a lock ends
      // when the window slides past it, however often the locked session asks.
      const taken = await updateWindow<{ retryAt: number } | { failedBefore: boolean }>(
        window,
        sessionKey,
        perSession,
        (recent, at) =>
          recent.length >= perSession
            ? { attempts: recent, result: { retryAt: roomAt(recent, perSession, window.windowMs) } }
            : { attempts: [...recent, at], result: { failedBefore: recent.length > 0 } },
      );
      if ('retryAt' in taken) return limited(taken.retryAt);
      if (taken.failedBefore) {
        const userFailures = await readWindow(window, userKey, perUser);
        if (userFailures.length >= perUser) return limited(roomAt(userFailures, perUser, window.windowMs));
      }
      const right = typeof password === 'string' && password !== '' && (await verify(password));
      if (right) {
        await clearAttempts(window, sessionKey);
        return { ok: true };
      }
      await addAttempt(window, userKey, perUser);
      return { ok: false, code: 'INVALID_PASSWORD' };
    },
  };

  function limited(retryAt: number): PasswordCheck {
    return { ok: false, code: 'RATE_LIMITED', retryAfter: secondsUntil(retryAt, now()) };
  }
}

export type ConfirmationLimiter = ReturnType<typeof createConfirmationLimiter>;
