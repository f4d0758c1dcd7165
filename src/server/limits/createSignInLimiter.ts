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

/** How a sign-in form slows down guessing (docs/server.md, "Limits"). */
export interface SignInAttemptPolicy {
  /**
   * Wrong passwords one client may try on one account in the window before each further try has to wait:
   * 1 second after the last failure, doubling with each one, up to `maxDelayMs`. Keyed on the account and
   * the client together, so nobody elsewhere can lock the owner out. @default 5
   */
  freeAttempts?: number;
  /** The longest wait between tries. @default 60 seconds */
  maxDelayMs?: number;
  /**
   * Wrong sign-ins of one account from any client in the window before every try waits
   * `accountDelayMs` after the last failure: slows a guesser spread over many addresses, never locks.
   * @default 50
   */
  perAccount?: number;
  /** @default 2 seconds */
  accountDelayMs?: number;
  /**
   * Wrong sign-ins one client may make across all accounts in the window (a password spray); past it,
   * that client is refused until the window slides. @default 100
   */
  perClient?: number;
  /** The sliding window every count above is kept in. @default 15 minutes */
  windowMs?: number;
}

export const DEFAULT_SIGN_IN_ATTEMPTS = {
  freeAttempts: 5,
  maxDelayMs: 60_000,
  perAccount: 50,
  accountDelayMs: 2_000,
  perClient: 100,
  windowMs: 15 * 60_000,
} as const;

/** Who is trying: the account as typed (an email, a user name) and where the request comes from. */
export interface SignInAttemptKey {
  identifier: string;
  /** The client's address; `null` when unknown (all such clients then share one key). */
  client: string | null | undefined;
}

export type SignInAttemptResult<User> =
  | { ok: true; user: User }
  | { ok: false; code: 'INVALID_CREDENTIALS' }
  | { ok: false; code: 'RATE_LIMITED'; retryAfter: number };

const FIRST_DELAY_MS = 1_000;

/**
 * Throttles a sign-in form: every try of an account (known or not, so the answers never tell which emails
 * have accounts) runs through it. It slows a guesser down instead of locking the account, and its keys
 * are its own: anonymous failures never block a signed-in user's password confirmations.
 *
 * @example
 * const limiter = createSignInLimiter(store);
 * const outcome = await limiter.attempt({ identifier: email, client: ip }, async () => {
 *   const user = await users.byEmail(email);
 *   return (await users.checkPassword(user, password)) ? user : null; // check a dummy hash when unknown
 * });
 */
export function createSignInLimiter(
  store: AttemptStore,
  policy: SignInAttemptPolicy = {},
  now: () => number = Date.now,
) {
  const p = { ...DEFAULT_SIGN_IN_ATTEMPTS, ...policy };
  const window: AttemptWindow = { store, now, windowMs: p.windowMs };
  // Enough history to reach the longest delay, and no more.
  const pairKeep = p.freeAttempts + Math.ceil(Math.log2(p.maxDelayMs / FIRST_DELAY_MS)) + 1;
  const delayAfter = (failures: number) =>
    failures < p.freeAttempts ? 0 : Math.min(p.maxDelayMs, FIRST_DELAY_MS * 2 ** (failures - p.freeAttempts));

  return {
    async attempt<User>(
      key: SignInAttemptKey,
      verify: () => Promise<User | null | undefined | false> | User | null | undefined | false,
    ): Promise<SignInAttemptResult<User>> {
      const account = key.identifier.trim().toLowerCase();
      const client = key.client || 'unknown';
      const pairKey = `sign-in:pair:${client}\n${account}`;
      const accountKey = `sign-in:account:${account}`;
      const clientKey = `sign-in:client:${client}`;

      const sprayed = await readWindow(window, clientKey, p.perClient);
      if (sprayed.length >= p.perClient) return limited(roomAt(sprayed, p.perClient, p.windowMs));
      const accountFailures = await readWindow(window, accountKey, p.perAccount);
      const lastOnAccount = accountFailures.at(-1) ?? 0;
      if (accountFailures.length >= p.perAccount && now() < lastOnAccount + p.accountDelayMs)
        return limited(lastOnAccount + p.accountDelayMs);
      // Counted before the password is checked, atomically: of a burst of parallel tries, the first takes
      // the turn and the rest find it taken.
      const turn = await updateWindow(window, pairKey, pairKeep, (recent, at) => {
        const readyAt = (recent.at(-1) ?? 0) + delayAfter(recent.length);
        return at < readyAt
          ? { attempts: recent, result: { readyAt } }
          : { attempts: [...recent, at], result: null };
      });
      if (turn) return limited(turn.readyAt);

      const user = await verify();
      if (user) {
        await clearAttempts(window, pairKey);
        return { ok: true, user };
      }
      await addAttempt(window, accountKey, p.perAccount);
      await addAttempt(window, clientKey, p.perClient);
      return { ok: false, code: 'INVALID_CREDENTIALS' };
    },
  };

  function limited(retryAt: number): SignInAttemptResult<never> {
    return { ok: false, code: 'RATE_LIMITED', retryAfter: secondsUntil(retryAt, now()) };
  }
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
