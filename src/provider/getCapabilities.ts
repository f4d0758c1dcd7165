import type {
  ConfirmableAction,
  PasswordRequirement,
  SessionsCapabilities,
  SessionsDataProvider,
} from './types.js';

function requirement(provider: SessionsDataProvider, action: ConfirmableAction): PasswordRequirement {
  return provider.passwordRequirements?.[action] === 'required' ? 'required' : 'none';
}

/** What a provider can do: which optional methods it has, and which actions ask for the password. */
export function getCapabilities(provider: SessionsDataProvider): SessionsCapabilities {
  const has = (method: keyof SessionsDataProvider) => typeof provider[method] === 'function';
  return {
    canList: has('listSessions'),
    canRevokeSession: has('revokeSession'),
    canRevokeOtherSessions: has('revokeOtherSessions'),
    canRevokeAllSessions: has('revokeAllSessions'),
    canSignOut: has('signOut'),
    canReauthenticate: has('reauthenticate'),
    canSubscribe: has('subscribeToSessionEvents'),
    password: {
      revokeSession: requirement(provider, 'revokeSession'),
      revokeOtherSessions: requirement(provider, 'revokeOtherSessions'),
      revokeAllSessions: requirement(provider, 'revokeAllSessions'),
    },
  };
}
