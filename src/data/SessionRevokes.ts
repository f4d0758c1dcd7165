import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query';
import { afterNextPaint } from '../internal/afterNextPaint.js';
import { callProvider } from '../provider/callProvider.js';
import type { SessionsError } from '../provider/SessionsError.js';
import type { Session } from '../provider/types.js';
import { endSession } from './alreadyGone.js';
import type { SessionsDataContextValue } from './SessionsDataContext.js';
import { type SealedPassword, sealPassword, takePassword } from './sealPassword.js';
import { findCachedSession, removeSessionFromLists } from './sessionCache.js';
import { sessionsKeys, sessionsMutationKeys } from './sessionsKeys.js';

export interface RevokeSessionVariables {
  sessionId: string;
  /** The user's password, when the provider requires it for this action. Never kept in the cache. */
  password?: string;
}

export interface RevokeSessionData {
  sessionId: string;
  /** The server no longer knew the session (NOT_FOUND): it was already gone, which is what was asked. */
  alreadyRevoked: boolean;
}

/** What the mutation cache holds: the id and a sealed handle, never the password. */
export interface SealedRevokeVariables {
  sessionId: string;
  sealed?: SealedPassword;
}

/** Kept on the mutation: the session itself, so the outcome can be told by name after its row left. */
export interface RevokeSessionContext {
  session?: Session;
}

export type RevokeState = 'idle' | 'revoking' | 'error';

export interface RevokeSessionState {
  state: RevokeState;
  /** The last failure, while `state` is 'error'. */
  error?: SessionsError;
  /** The last attempt carried a password (its dialog shows the failure). */
  withPassword: boolean;
  /** The row leaves the list at the click, before the server answers; a refusal brings it back. */
  optimistic: boolean;
}

export type RevokeSessionMutationOptions = MutationOptions<
  RevokeSessionData,
  SessionsError,
  SealedRevokeVariables,
  RevokeSessionContext
>;

type Deps = Pick<SessionsDataContextValue, 'dataProvider' | 'reportFailure' | 'events'>;

const IDLE: RevokeSessionState = { state: 'idle', withPassword: false, optimistic: false };
const NONE: ReadonlySet<string> = new Set();

/**
 * The one owner of every sign-out of one session in a scope, whether a row's button or a host's
 * `useRevokeSession` started it: it refuses a second one while the first is on its way, runs the
 * mutation (TanStack's public `MutationObserver`, so the mutation cache, `useIsMutating` and devtools see
 * it), knows where each one stands (the rows read that), tells the list which rows are leaving (a
 * refetch must not bring them back), and says what happened.
 *
 * Optimistic: the row leaves the list at once — one way only: every reader of the list (the kit's rows, a
 * host's `useSessions`) reads it through `leaving()`, and the cache itself keeps the server's truth until
 * the server has answered. A refusal brings the row back with its error; a success takes the session out
 * of the cache and refetches once, when the last one settles. NOT_FOUND counts as success — the session is
 * already gone. UNAUTHORIZED means this device itself was signed out, and tells the host.
 */
export class SessionRevokes {
  readonly #states = new Map<string, RevokeSessionState>();
  readonly #listeners = new Set<() => void>();
  readonly #options = new Map<boolean, RevokeSessionMutationOptions>();
  #leaving: ReadonlySet<string> = NONE;

  constructor(
    readonly queryClient: QueryClient,
    readonly scope: string,
    /** Read at call time, so a new provider object or callback takes effect without a new owner. */
    private readonly deps: () => Deps,
  ) {}

  /** Where the latest sign-out of a session stands; the same object until it changes. */
  get = (sessionId: string): RevokeSessionState => this.#states.get(sessionId) ?? IDLE;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * Sessions that left the list at once and whose server has not answered yet: the same set until it
   * changes, so a list's view of the cache is computed again only then.
   */
  leaving = (): ReadonlySet<string> => this.#leaving;

  /**
   * Marks a sign-out as started, in the same frame as the click. False when one is already on its way
   * (a double click or a repeated Enter sends one request).
   */
  #begin(sessionId: string, { optimistic, withPassword }: { optimistic: boolean; withPassword: boolean }) {
    if (this.get(sessionId).state === 'revoking') return false;
    this.#set(sessionId, { state: 'revoking', optimistic, withPassword });
    return true;
  }

  /**
   * Starts a sign-out — the one way in, for a row's button and a host's `useRevokeSession` alike: no
   * mutation observer per row, and a second start while one is on its way sends nothing (undefined).
   */
  start(
    { sessionId, password }: RevokeSessionVariables,
    optimistic: boolean,
  ): Promise<RevokeSessionData> | undefined {
    if (!this.#begin(sessionId, { optimistic, withPassword: password !== undefined })) return undefined;
    const observer = new MutationObserver(this.queryClient, this.options(optimistic));
    // Once settled, the observer lets go, so the mutation is garbage-collected like any other.
    return observer.mutate({ sessionId, sealed: sealPassword(password) }).finally(() => observer.reset());
  }

  /** The mutation every sign-out of one session runs: `start()` and `useRevokeSession` alike. */
  options(optimistic: boolean): RevokeSessionMutationOptions {
    let options = this.#options.get(optimistic);
    if (!options) {
      options = this.#build(optimistic);
      this.#options.set(optimistic, options);
    }
    return options;
  }

  #build(optimistic: boolean): RevokeSessionMutationOptions {
    const { queryClient, scope } = this;
    return {
      mutationKey: sessionsMutationKeys.revokeSession(scope),
      mutationFn: async ({ sessionId, sealed }) => {
        const password = takePassword(sealed);
        const params = password === undefined ? { sessionId } : { sessionId, password };
        const answer = endSession(() => callProvider(this.deps().dataProvider, 'revokeSession', params)).then(
          ({ alreadyRevoked }) => ({ sessionId, alreadyRevoked }),
        );
        if (!optimistic) return answer;
        // The row left the list at the click. The request goes out now, but its answer is taken only once
        // that frame has painted: it brings a refetch of the whole list (a thousand rows re-read), which
        // would otherwise run first and hold the frame back.
        answer.catch(() => {});
        await afterNextPaint();
        return answer;
      },
      onMutate: async ({ sessionId }) => {
        const session = findCachedSession(queryClient, scope, sessionId);
        // A list fetch already on its way would answer with the row still in it: let the next one decide.
        if (optimistic) await queryClient.cancelQueries({ queryKey: sessionsKeys.lists(scope) });
        return { session };
      },
      onSuccess: ({ sessionId }, _variables, context) => {
        // The server agrees: the cache catches up before the row stops being hidden, so it never blinks.
        removeSessionFromLists(queryClient, scope, sessionId);
        this.#states.delete(sessionId);
        this.#notify();
        this.deps().events.emit({ type: 'sessionRevoked', sessionId, session: context?.session });
      },
      onError: (error, { sessionId, sealed }, context) => {
        const withPassword = sealed !== undefined;
        this.#set(sessionId, { state: 'error', error, withPassword, optimistic });
        const { reportFailure, events } = this.deps();
        reportFailure(error);
        events.emit({
          type: 'sessionRevokeFailed',
          sessionId,
          session: context?.session,
          error,
          withPassword,
        });
      },
      onSettled: () => {
        // Refetch only when the last one settles: an earlier refetch could return a row whose sign-out
        // is still in flight, and it would blink back in.
        if (![...this.#states.values()].some((s) => s.state === 'revoking')) {
          void queryClient.invalidateQueries({ queryKey: sessionsKeys.lists(scope) });
        }
      },
    };
  }

  #set(sessionId: string, state: RevokeSessionState) {
    this.#states.set(sessionId, state);
    this.#notify();
  }

  #notify() {
    const leaving = [...this.#states]
      .filter(([, s]) => s.state === 'revoking' && s.optimistic)
      .map(([id]) => id);
    const same = leaving.length === this.#leaving.size && leaving.every((id) => this.#leaving.has(id));
    if (!same) this.#leaving = leaving.length === 0 ? NONE : new Set(leaving);
    for (const listener of [...this.#listeners]) listener();
  }
}
