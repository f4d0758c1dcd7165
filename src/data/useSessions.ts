'use client';

import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { SessionsError } from '../provider/SessionsError.js';
import { useSessionsData } from './SessionsDataContext.js';
import { reviveSessionDates, type SessionsListData } from './sessionCache.js';
import { sessionsListQueryOptions } from './sessionsListQueryOptions.js';

export interface UseSessionsOptions {
  /** Only sessions of this application. */
  applicationId?: string;
  /**
   * Set false to hold the fetch.
   * @default true
   */
  enabled?: boolean;
  /**
   * Refetch every N ms so devices signing in elsewhere show up while the page is open.
   * @default false
   */
  refetchInterval?: number | false;
}

export type UseSessionsResult = UseQueryResult<SessionsListData, SessionsError>;

/**
 * The signed-in user's sessions, current first. Errors are `SessionsError`s: REAUTH_REQUIRED is a state to
 * show a password prompt for (see `getSessionsListView`), never an empty list; UNAUTHORIZED tells the
 * host through `onSignedOut`, and any other failure reaches `onError` once, however many readers the
 * list has. Disabled when the provider cannot list.
 *
 * @example
 * const { data, error } = useSessions();
 * if (error?.code === 'REAUTH_REQUIRED') return <ConfirmPassword />;
 * return <ul>{data?.sessions.map((s) => <li key={s.id}>{s.userAgent}</li>)}</ul>;
 */
export function useSessions(options: UseSessionsOptions = {}): UseSessionsResult {
  const context = useSessionsData('useSessions');
  const { capabilities, isSignedOut, queryClient, revokes } = context;
  // A row whose sign-out is on its way is hidden here, for every reader of the list alike (the kit's rows,
  // a host's own list): the one way a row leaves before the server answers.
  const leaving = useSyncExternalStore(revokes.subscribe, revokes.leaving, revokes.leaving);
  const select = useMemo(
    () =>
      (data: SessionsListData): SessionsListData => {
        const revived = reviveSessionDates(data);
        if (leaving.size === 0) return revived;
        const sessions = revived.sessions.filter((s) => !leaving.has(s.id));
        return sessions.length === revived.sessions.length ? revived : { ...revived, sessions };
      },
    [leaving],
  );
  // Failures are reported once, by the query cache (see useSessionsDataValue), not by every reader.
  return useQuery(
    {
      ...sessionsListQueryOptions(context, { applicationId: options.applicationId }),
      select,
      enabled: capabilities.canList && !isSignedOut && options.enabled !== false,
      refetchInterval: options.refetchInterval ?? false,
    },
    queryClient,
  );
}

/** What a sessions list should show right now. */
export type SessionsListView =
  | 'unsupported'
  | 'loading'
  | 'reauth'
  | 'signed-out'
  | 'error'
  | 'empty'
  | 'ready';

/**
 * Reduces a `useSessions` result to the one thing to show. A re-auth or sign-out error wins over cached
 * rows: showing the old list then would claim a state the server no longer confirms.
 */
export function getSessionsListView(
  query: Pick<UseSessionsResult, 'data' | 'error'>,
  status: { canList: boolean; isSignedOut: boolean },
): SessionsListView {
  if (!status.canList) return 'unsupported';
  if (status.isSignedOut || query.error?.code === 'UNAUTHORIZED') return 'signed-out';
  if (query.error?.code === 'REAUTH_REQUIRED') return 'reauth';
  if (query.data) return query.data.sessions.length === 0 ? 'empty' : 'ready';
  if (query.error) return 'error';
  return 'loading';
}
