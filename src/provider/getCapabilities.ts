import type {
  ConfirmableAction,
  PasswordRequirement,
  SessionsCapabilities,
  SessionsDataProvider,
} from './types.js';

/** For each capability, whether the provider has its method: optional methods are simply absent. */
export function hasMethods<Provider extends object, Names extends Record<string, keyof Provider>>(
  provider: Provider,
  names: Names,
): { [Capability in keyof Names]: boolean } {
  const entries = Object.entries(names).map(([capability, method]) => [
    capability,
    typeof provider[method as keyof Provider] === 'function',
  ]);
  return Object.fromEntries(entries) as { [Capability in keyof Names]: boolean };
}

function requirement(provider: SessionsDataProvider, action: ConfirmableAction): PasswordRequirement {
  return provider.passwordRequirements?.[action] === 'required' ? 'required' : 'none';
}

/** What a provider can do: which optional methods it has, and which actions ask for the password. */
export function getCapabilities(provider: SessionsDataProvider): SessionsCapabilities {
  return {
    ...hasMethods(provider, {
      canList: 'listSessions',
      canRevokeSession: 'revokeSession',
      canRevokeOtherSessions: 'revokeOtherSessions',
      canRevokeAllSessions: 'revokeAllSessions',
      canSignOut: 'signOut',
      canReauthenticate: 'reauthenticate',
      canSubscribe: 'subscribeToSessionEvents',
    }),
    password: {
      revokeSession: requirement(provider, 'revokeSession'),
      revokeOtherSessions: requirement(provider, 'revokeOtherSessions'),
      revokeAllSessions: requirement(provider, 'revokeAllSessions'),
    },
  };
}
