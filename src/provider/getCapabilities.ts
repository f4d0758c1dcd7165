import { CONFIRMABLE_ACTIONS, requirementIn } from '../contract/policy.js';
import type {
  ConfirmableAction,
  PasswordRequirement,
  SessionsCapabilities,
  SessionsDataProvider,
  SessionsPolicy,
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

/**
 * Whether an action asks for the password: the provider's own `passwordRequirements` (for a backend that
 * cannot advertise), else what the server's policy says (read as it came: a custom provider's may be
 * malformed), else not.
 */
function requirement(
  provider: SessionsDataProvider,
  policy: SessionsPolicy | undefined,
  action: ConfirmableAction,
): PasswordRequirement {
  // A host's own word, when it is one of the two (a typo does not stand in for the server's policy).
  const own = provider.passwordRequirements?.[action];
  if (own === 'required' || own === 'none') return own;
  return typeof policy === 'object' && policy !== null ? requirementIn(policy, action) : 'none';
}

/**
 * What a provider can do: which optional methods it has, and which actions ask for the password (with the
 * server's advertised policy, once known).
 */
export function getCapabilities(
  provider: SessionsDataProvider,
  policy?: SessionsPolicy,
): SessionsCapabilities {
  return {
    ...hasMethods(provider, {
      canList: 'listSessions',
      canRevokeSession: 'revokeSession',
      canRevokeOtherSessions: 'revokeOtherSessions',
      canRevokeAllSessions: 'revokeAllSessions',
      canSignOut: 'signOut',
      canReauthenticate: 'reauthenticate',
      canSubscribe: 'subscribeToSessionEvents',
      canListActivity: 'listActivity',
    }),
    password: Object.fromEntries(
      CONFIRMABLE_ACTIONS.map((action) => [action, requirement(provider, policy, action)]),
    ) as Record<ConfirmableAction, PasswordRequirement>,
  };
}
