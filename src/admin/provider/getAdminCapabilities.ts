import type { AdminCapabilities, AdminSessionsDataProvider } from './types.js';

/** What an admin provider can do: which of its optional methods it has. */
export function getAdminCapabilities(provider: AdminSessionsDataProvider): AdminCapabilities {
  const has = (name: keyof AdminSessionsDataProvider) => typeof provider[name] === 'function';
  return {
    canListAll: has('listAllSessions'),
    canGetSession: has('getSession'),
    canRevoke: has('revokeSession'),
    canRevokeUserSessions: has('revokeUserSessions'),
    canGetStats: has('getSessionStats'),
  };
}
