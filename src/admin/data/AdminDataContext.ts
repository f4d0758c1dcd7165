'use client';

import { type SessionsDataContextValue, useSessionsData } from '../../data/SessionsDataContext.js';
import type { Emitter } from '../../internal/createEmitter.js';
import { createRequiredContext } from '../../internal/createRequiredContext.js';
import type { AdminCapabilities, AdminSessionsDataProvider } from '../provider/types.js';
import type { AdminSessionsEvent } from './adminEvents.js';

/** What the admin hooks read beyond the user half's data scope: the admin provider, typed, and its abilities. */
export interface AdminDataContextValue {
  dataProvider: AdminSessionsDataProvider;
  capabilities: AdminCapabilities;
  events: Emitter<AdminSessionsEvent>;
}

const [AdminDataContext, useAdminDataContext] = createRequiredContext<AdminDataContextValue>(
  'AdminDataContext',
  'AdminSessionsProvider',
);

export { AdminDataContext };

/**
 * The data scope (cache, user scope, how to tell the host) and the admin provider with its capabilities;
 * throws with the consumer's name outside `AdminSessionsProvider`.
 */
export function useAdminData(
  consumerName: string,
): Omit<SessionsDataContextValue, 'dataProvider' | 'capabilities' | 'events'> & AdminDataContextValue {
  const admin = useAdminDataContext(consumerName);
  return { ...useSessionsData(consumerName), ...admin };
}

/**
 * What the admin provider can do (which methods it has), for a host's own console parts.
 *
 * @example
 * const { canRevokeUserSessions } = useAdminCapabilities();
 */
export function useAdminCapabilities(): AdminCapabilities {
  return useAdminData('useAdminCapabilities').capabilities;
}
