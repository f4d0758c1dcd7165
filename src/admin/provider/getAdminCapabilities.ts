import { hasMethods } from '../../provider/getCapabilities.js';
import type { AdminCapabilities, AdminSessionsDataProvider } from './types.js';

/** What an admin provider can do: which of its optional methods it has. */
export function getAdminCapabilities(provider: AdminSessionsDataProvider): AdminCapabilities {
  return hasMethods(provider, {
    canListAll: 'listAllSessions',
    canGetSession: 'getSession',
    canRevoke: 'revokeAnySession',
    canRevokeUserSessions: 'revokeUserSessions',
    canGetStats: 'getSessionStats',
    canListActivity: 'listAllActivity',
    canGetActivityDaily: 'getActivityDaily',
  });
}
