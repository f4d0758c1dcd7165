'use client';

import { type InfiniteData, type UseQueryResult, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ActivityKind } from '../../contract/activity.js';
import { retryTransient } from '../../data/retryTransient.js';
import { callProvider } from '../../provider/callProvider.js';
import {
  entriesOfPages,
  type NormalizedActivity,
  normalizeActivity,
  normalizeActivityDays,
} from '../../provider/normalizeActivity.js';
import { readId } from '../../provider/normalizeSessions.js';
import type { SessionsError } from '../../provider/SessionsError.js';
import type { ActivityEntry } from '../../provider/types.js';
import type { SessionUser } from '../provider/types.js';
import { useAdminData } from './AdminDataContext.js';
import { adminKeys } from './adminKeys.js';

/** An entry of any user's log: its account, or none (a failed sign-in with an identifier nobody has). */
export type AdminActivityEntry = ActivityEntry & { user?: SessionUser };

export interface AdminActivityFilters {
  userId?: string;
  kinds?: readonly ActivityKind[];
}

/** The account an admin entry names, read defensively. */
function readUser(entry: Record<string, unknown>): { user?: SessionUser } {
  const raw = entry.user;
  if (typeof raw !== 'object' || raw === null) return {};
  const record = raw as Record<string, unknown>;
  const id = readId(record.id);
  if (!id) return {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  return { user: { id, email: text(record.email), name: text(record.name) } };
}

/**
 * Every user's authentication log (or one user's), newest first, a page at a time. It refreshes with the
 * admin's sessions list (after a revoke, say).
 */
export function useAdminActivity(filters: AdminActivityFilters = {}, pageSize = 20) {
  const { dataProvider, capabilities, queryClient, scope, isSignedOut } = useAdminData('useAdminActivity');
  const query = useInfiniteQuery<
    NormalizedActivity<AdminActivityEntry>,
    SessionsError,
    InfiniteData<NormalizedActivity<AdminActivityEntry>, string | undefined>,
    readonly unknown[],
    string | undefined
  >(
    {
      queryKey: [...adminKeys.activity(scope), { ...filters, pageSize }],
      queryFn: async ({ pageParam, signal }) =>
        normalizeActivity(
          await callProvider(dataProvider, 'listAllActivity', {
            signal,
            limit: pageSize,
            ...(pageParam === undefined ? {} : { cursor: pageParam }),
            ...(filters.userId === undefined ? {} : { userId: filters.userId }),
            ...(filters.kinds === undefined ? {} : { kinds: filters.kinds }),
          }),
          readUser,
        ),
      initialPageParam: undefined,
      getNextPageParam: (last) => last.nextCursor,
      enabled: capabilities.canListActivity && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
  const entries = useMemo(() => entriesOfPages(query.data?.pages), [query.data]);
  return { query, entries, available: capabilities.canListActivity };
}

/** Sign-ins and failed sign-ins per day, the last `days`, today last: the admin's chart. */
export type ActivityDays = ReturnType<typeof normalizeActivityDays>;

export function useActivityDaily(days = 30): UseQueryResult<ActivityDays, SessionsError> {
  const { dataProvider, capabilities, queryClient, scope, isSignedOut } = useAdminData('useActivityDaily');
  return useQuery<ActivityDays, SessionsError>(
    {
      queryKey: [...adminKeys.activity(scope), 'daily', days],
      queryFn: async ({ signal }) =>
        normalizeActivityDays(await callProvider(dataProvider, 'getActivityDaily', { signal, days })),
      enabled: capabilities.canGetActivityDaily && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
}
