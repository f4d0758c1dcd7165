import { SessionsError } from '../provider/SessionsError.js';
import { toSessionsError } from '../provider/toSessionsError.js';
import type {
  ConfirmableAction,
  ListSessionsResult,
  PasswordRequirement,
  RevokeManyResult,
  SessionInput,
  SessionsDataProvider,
} from '../provider/types.js';
import { withParsedDevices } from '../userAgent/withParsedDevices.js';

/** What every Better Auth client call resolves with. */
export interface BetterAuthResult<T> {
  data: T | null;
  error: { status?: number; statusText?: string; code?: string; message?: string } | null;
}

/** A session as Better Auth's `listSessions` returns it. */
export interface BetterAuthSession {
  id: string;
  token: string;
  createdAt: Date | string;
  updatedAt?: Date | string;
  expiresAt: Date | string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/**
 * The part of a Better Auth client (`createAuthClient()` from `better-auth/client` or `better-auth/react`)
 * this adapter calls. Structural, so the kit never imports Better Auth itself.
 */
export interface BetterAuthSessionsClient {
  listSessions: () => Promise<BetterAuthResult<readonly BetterAuthSession[]>>;
  revokeSession: (body: { token: string }) => Promise<BetterAuthResult<{ status: boolean }>>;
  revokeOtherSessions: () => Promise<BetterAuthResult<{ status: boolean }>>;
  revokeSessions: () => Promise<BetterAuthResult<{ status: boolean }>>;
  getSession: () => Promise<BetterAuthResult<{ session: { id: string } } | null>>;
  signOut: () => Promise<BetterAuthResult<unknown>>;
}

export interface BetterAuthSessionsProviderOptions {
  client: BetterAuthSessionsClient;
  /**
   * Which actions ask for the password. Better Auth's session endpoints take none, so a 'required' action
   * needs `verifyPassword`.
   * @default every action 'none'
   */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
  /** Checks the password before a password-confirmed action; rejects (e.g. INVALID_PASSWORD) when wrong. */
  verifyPassword?: (password: string) => Promise<void>;
  /**
   * Makes the session fresh again after SESSION_NOT_FRESH, e.g. `(password) => client.signIn.email({ email,
   * password })`. Without it, REAUTH_REQUIRED goes to the host's `onReauthRequired`.
   */
  reauthenticate?: (password: string) => Promise<unknown>;
}

/**
 * Unwraps `{ data, error }`: an error becomes a SessionsError (SESSION_NOT_FRESH → REAUTH_REQUIRED), and
 * missing data is `whenEmpty` (INVALID_RESPONSE unless the call says otherwise).
 */
export async function callBetterAuth<T>(
  pending: Promise<BetterAuthResult<T>>,
  whenEmpty: SessionsError = new SessionsError('INVALID_RESPONSE', 'Better Auth answered without data.'),
): Promise<NonNullable<T>> {
  let result: BetterAuthResult<T>;
  try {
    result = await pending;
  } catch (thrown) {
    throw toSessionsError(thrown);
  }
  if (result.error) throw toSessionsError({ error: result.error, status: result.error.status });
  if (result.data === null || result.data === undefined) throw whenEmpty;
  return result.data;
}

export function toSessionInput(session: BetterAuthSession, currentId: string | undefined): SessionInput {
  return {
    id: session.id,
    isCurrent: session.id === currentId,
    createdAt: session.createdAt,
    // Better Auth moves updatedAt when it refreshes the session: the closest it keeps to "last active".
    lastActiveAt: session.updatedAt ?? session.createdAt,
    expiresAt: session.expiresAt,
    ipAddress: session.ipAddress ?? null,
    userAgent: session.userAgent ?? null,
  };
}

/**
 * A provider over Better Auth's client. Sessions are keyed by Better Auth's session `id`; the bearer token
 * Better Auth revokes by stays inside this closure and never reaches the UI. Because Better Auth answers
 * `{ status: true }` even for a token it does not know, every revoke is checked against a fresh list:
 * an unknown session is NOT_FOUND, and a session still listed afterwards is an error, never a success.
 */
export function createBetterAuthSessionsProvider(
  options: BetterAuthSessionsProviderOptions,
): SessionsDataProvider {
  const { client } = options;
  const requirements = { ...options.passwordRequirements };
  const needsVerifier = Object.values(requirements).includes('required');
  if (needsVerifier && !options.verifyPassword) {
    throw new Error(
      'createBetterAuthSessionsProvider: passwordRequirements asks for a password, so pass verifyPassword — Better Auth cannot check one on its session endpoints.',
    );
  }

  const tokens = new Map<string, string>();
  async function listRaw(): Promise<{ sessions: readonly BetterAuthSession[]; currentId?: string }> {
    const [sessions, current] = await Promise.all([
      callBetterAuth(client.listSessions()),
      // getSession answers no data, not an error, when this device is signed out.
      callBetterAuth(client.getSession(), new SessionsError('UNAUTHORIZED')),
    ]);
    if (!Array.isArray(sessions))
      throw new SessionsError('INVALID_RESPONSE', 'listSessions did not return a list.');
    tokens.clear();
    for (const s of sessions)
      if (typeof s?.id === 'string' && typeof s.token === 'string') tokens.set(s.id, s.token);
    return { sessions, currentId: current.session.id };
  }
  const confirm = async (action: ConfirmableAction, password: string | undefined) => {
    if (requirements[action] !== 'required') return;
    if (!password) throw new SessionsError('INVALID_PASSWORD', 'A password is required.');
    try {
      await options.verifyPassword?.(password);
    } catch (error) {
      throw toSessionsError(error);
    }
  };
  const countOthers = (list: readonly BetterAuthSession[], currentId: string | undefined) =>
    list.filter((s) => s.id !== currentId).length;

  const provider: SessionsDataProvider = {
    passwordRequirements: requirements,
    listSessions: async (): Promise<ListSessionsResult> => {
      const { sessions, currentId } = await listRaw();
      // Better Auth keeps only the user agent: the parser loads here, for its rows.
      return withParsedDevices({
        sessions: sessions.map((s) => toSessionInput(s, currentId)),
        currentSessionId: currentId ?? null,
      });
    },
    revokeSession: async ({ sessionId, password }) => {
      await confirm('revokeSession', password);
      const before = await listRaw();
      const token = tokens.get(sessionId);
      if (!token) throw new SessionsError('NOT_FOUND');
      await callBetterAuth(client.revokeSession({ token }));
      if (sessionId === before.currentId) return;
      const after = await listRaw();
      if (after.sessions.some((s) => s.id === sessionId)) {
        throw new SessionsError(
          'UNKNOWN',
          'Better Auth reported the session revoked, but it is still active.',
        );
      }
    },
    revokeOtherSessions: async ({ password } = {}): Promise<RevokeManyResult> => {
      await confirm('revokeOtherSessions', password);
      const before = await listRaw();
      await callBetterAuth(client.revokeOtherSessions());
      const after = await listRaw();
      return {
        revokedCount:
          countOthers(before.sessions, before.currentId) - countOthers(after.sessions, after.currentId),
      };
    },
    revokeAllSessions: async ({ password } = {}): Promise<RevokeManyResult> => {
      await confirm('revokeAllSessions', password);
      const before = await listRaw();
      await callBetterAuth(client.revokeSessions());
      return { revokedCount: before.sessions.length };
    },
    signOut: async () => {
      await callBetterAuth(client.signOut());
    },
  };
  if (options.reauthenticate) {
    const reauthenticate = options.reauthenticate;
    provider.reauthenticate = async ({ password }) => {
      try {
        await reauthenticate(password);
      } catch (error) {
        throw toSessionsError(error);
      }
    };
  }
  return provider;
}
