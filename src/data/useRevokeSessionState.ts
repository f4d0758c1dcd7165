'use client';

import type { MutationCache, QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { SessionsError } from '../provider/SessionsError.js';
import type { SealedRevokeVariables } from './revokeSessionMutation.js';
import { useSessionsData } from './SessionsDataContext.js';
import { sessionsMutationKeys } from './sessionsKeys.js';

export type RevokeState = 'idle' | 'revoking' | 'error';

export interface RevokeSessionState {
  state: RevokeState;
  /** The last failure, while `state` is 'error'. */
  error?: SessionsError;
  /** True when the last attempt carried a password (its dialog shows the failure). */
  withPassword: boolean;
}

const IDLE: RevokeSessionState = { state: 'idle', withPassword: false };

type AnyMutation = ReturnType<MutationCache['getAll']>[number];

// One answer per mutation state (TanStack replaces the state object on every change), so a row whose
// sign-out did not change gets the very same object back and does not render again.
const answers = new WeakMap<AnyMutation['state'], RevokeSessionState>();
function stateOf(mutation: AnyMutation): RevokeSessionState {
  const known = answers.get(mutation.state);
  if (known) return known;
  const answer = computeState(mutation);
  answers.set(mutation.state, answer);
  return answer;
}

function computeState(mutation: AnyMutation): RevokeSessionState {
  const withPassword = (mutation.state.variables as SealedRevokeVariables | undefined)?.sealed !== undefined;
  if (mutation.state.status === 'pending') return { state: 'revoking', withPassword };
  if (mutation.state.status === 'error')
    return { state: 'error', error: mutation.state.error as SessionsError, withPassword };
  return IDLE;
}

/**
 * Where each session's latest sign-out stands, for one QueryClient and scope: one mutation-cache
 * subscription feeding a map, instead of one subscription and one cache scan per row. Each row reads its
 * own entry, so a change to one session renders that row only.
 */
class RevokeStateStore {
  private readonly states = new Map<string, RevokeSessionState>();
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly scope: string,
  ) {}

  private isOurs(mutation: AnyMutation): boolean {
    const [root, scope, action] = mutation.options.mutationKey ?? [];
    const [ownRoot, ownScope, ownAction] = sessionsMutationKeys.revokeSession(this.scope);
    return root === ownRoot && scope === ownScope && action === ownAction;
  }

  /** The latest mutation per session wins, as the cache orders them (oldest first). */
  private rebuild(): void {
    this.states.clear();
    for (const mutation of this.queryClient.getMutationCache().getAll()) {
      const sessionId = (mutation.state.variables as SealedRevokeVariables | undefined)?.sessionId;
      if (sessionId !== undefined && this.isOurs(mutation)) this.states.set(sessionId, stateOf(mutation));
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.unsubscribe) {
      this.rebuild();
      this.unsubscribe = this.queryClient.getMutationCache().subscribe((event) => {
        if (!event.mutation || !this.isOurs(event.mutation)) return;
        const before = new Map(this.states);
        this.rebuild();
        const changed =
          [...this.states].some(([id, state]) => before.get(id) !== state) ||
          before.size !== this.states.size;
        if (changed) for (const l of this.listeners) l();
      });
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
      }
    };
  };

  get(sessionId: string): RevokeSessionState {
    if (!this.unsubscribe) this.rebuild();
    return this.states.get(sessionId) ?? IDLE;
  }
}

const stores = new WeakMap<QueryClient, Map<string, RevokeStateStore>>();
function storeFor(queryClient: QueryClient, scope: string): RevokeStateStore {
  let byScope = stores.get(queryClient);
  if (!byScope) {
    byScope = new Map();
    stores.set(queryClient, byScope);
  }
  let store = byScope.get(scope);
  if (!store) {
    store = new RevokeStateStore(queryClient, scope);
    byScope.set(scope, store);
  }
  return store;
}

/**
 * Where the latest sign-out of one session stands, read from the mutation cache. A row that is removed
 * optimistically and put back after a failure is a new component: this is how it still knows it failed.
 *
 * @example
 * const { state, error } = useRevokeSessionState(session.id);
 * <li data-state={state}>{error && errorMessage(messages, error)}</li>
 */
export function useRevokeSessionState(sessionId: string): RevokeSessionState {
  const { queryClient, scope } = useSessionsData('useRevokeSessionState');
  const store = storeFor(queryClient, scope);
  const getSnapshot = useCallback(() => store.get(sessionId), [store, sessionId]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
