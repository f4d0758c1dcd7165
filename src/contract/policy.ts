/**
 * What a server tells its clients about its own rules, so client and server cannot disagree: which actions
 * ask for the password, whether some want a recent one, and what the caller may do. Sent in every
 * `GET /sessions` answer and by `GET /sessions/policy`.
 */

/** Actions that may ask for the user's password first. */
export const CONFIRMABLE_ACTIONS = ['revokeSession', 'revokeOtherSessions', 'revokeAllSessions'] as const;
export type ConfirmableAction = (typeof CONFIRMABLE_ACTIONS)[number];

/** Whether an action asks for the password. */
export type PasswordRequirement = 'none' | 'required';

export interface SessionsPolicy {
  /** Which actions need the password in their body. */
  password: Record<ConfirmableAction, PasswordRequirement>;
  /**
   * Actions (and `listSessions`) that also need a recent password proof, no older than `maxAgeMs`: past
   * it they answer 403 REAUTH_REQUIRED. Null when none does.
   */
  freshness: { maxAgeMs: number; actions: Array<ConfirmableAction | 'listSessions'> } | null;
  /** Whether the caller may use the admin endpoints. */
  admin: boolean;
}

/** A client that has not been told: no password asked, no freshness. */
export const NO_PASSWORD: Record<ConfirmableAction, PasswordRequirement> = {
  revokeSession: 'none',
  revokeOtherSessions: 'none',
  revokeAllSessions: 'none',
};

/**
 * What a policy as a server sent it says of one action. Any word but 'none', or none at all, asks for the
 * password: asking for a password the server does not want costs a field; not asking costs a refused
 * action.
 */
export const requirementIn = (policy: unknown, action: ConfirmableAction): PasswordRequirement =>
  (policy as { password?: Record<string, unknown> } | null | undefined)?.password?.[action] === 'none'
    ? 'none'
    : 'required';

/** A policy as a server sent it, read defensively (see `requirementIn`). Null when it is no policy at all. */
export function readPolicy(value: unknown): SessionsPolicy | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const freshness = record.freshness as { maxAgeMs?: unknown; actions?: unknown } | null | undefined;
  return {
    password: Object.fromEntries(
      CONFIRMABLE_ACTIONS.map((action) => [action, requirementIn(record, action)]),
    ) as Record<ConfirmableAction, PasswordRequirement>,
    freshness:
      freshness && typeof freshness.maxAgeMs === 'number' && Array.isArray(freshness.actions)
        ? {
            maxAgeMs: freshness.maxAgeMs,
            actions: freshness.actions.filter(
              (a): a is ConfirmableAction | 'listSessions' =>
                a === 'listSessions' || (CONFIRMABLE_ACTIONS as readonly unknown[]).includes(a),
            ),
          }
        : null,
    admin: record.admin === true,
  };
}
