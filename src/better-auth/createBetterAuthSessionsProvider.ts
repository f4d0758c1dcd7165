import { SessionsError } from '../provider/SessionsError.js';
import { toSessionsError } from '../provider/toSessionsError.js';
import type {
  ConfirmableAction,
  ListSessionsResult,
  PasswordRequirement,
  RevokeManyOutcome,
  SessionInput,
  SessionsDataProvider,
} from '../provider/types.js';
import { withParsedDevices } from '../userAgent/withParsedDevices.js';
import type { BetterAuthSession, BetterAuthSessionsClient } from './BetterAuthSessionsClient.js';
import { callBetterAuth } from './callBetterAuth.js';
import { currentSession, hostSignIn, renewSession, signInWithPassword } from './renewSession.js';

export interface BetterAuthSessionsProviderOptions {
  /** Your Better Auth client: `createAuthClient()` from `better-auth/react` (or `/client`). */
  client: BetterAuthSessionsClient;
  /**
   * Which actions ask for the password in a confirmation dialog first. The check is this page's own step:
   * Better Auth's revoke endpoints take no password, so a request made without the page still revokes.
   * @default every action 'none'
   */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
  /**
   * Checks the password typed in that dialog; rejects (INVALID_PASSWORD keeps the dialog open) when wrong.
   * @default Better Auth's own check (`POST /verify-password`), which creates no session
   */
  verifyPassword?: (password: string) => Promise<void>;
  /**
   * Signs this device in again when Better Auth wants a fresh session (SESSION_NOT_FRESH, which it asks
   * of list-sessions once a session is older than its `freshAge`), with the password typed in the
   * prompt. Whatever it does, a new session it leaves takes the old one's place: the old one is revoked.
   * `false` shows no password field and hands over to SessionsProvider's `onReauthRequired` instead
   * (accounts that sign in with a social provider or a second factor).
   * @default a sign-in with the account's email and that password (`signIn.email`); a wrong one rejects
   * INVALID_PASSWORD and creates nothing
   */
  reauthenticate?: ((password: string) => Promise<unknown>) | false;
}

export function toSessionInput(session: BetterAuthSession, currentId: string | undefined): SessionInput {
  return {
    id: session.id,
    isCurrent: session.id === currentId,
    createdAt: session.createdAt,
    // Better Auth moves updatedAt when it refreshes the session (at most once per `updateAge`, a day by
    // default): the closest it keeps to "last active".
    lastActiveAt: session.updatedAt ?? session.createdAt,
    expiresAt: session.expiresAt,
    ipAddress: session.ipAddress ?? null,
    userAgent: session.userAgent ?? null,
  };
}

/**
 * A provider over Better Auth's client. Sessions are keyed by Better Auth's session `id`; the bearer token
 * Better Auth revokes by stays inside this closure and never reaches the UI.
 *
 * Only listing needs a fresh session in Better Auth (list-sessions sits behind its freshSessionMiddleware;
 * revoke-session, revoke-other-sessions and revoke-sessions behind sensitiveSessionMiddleware, which
 * asks for a live session only). So the revokes never list: a session older than `freshAge` still signs
 * devices out, and the freshness prompt only guards the list.
 */
export function createBetterAuthSessionsProvider(
  options: BetterAuthSessionsProviderOptions,
): SessionsDataProvider {
  const { client } = options;
  const requirements = { ...options.passwordRequirements };
  const verifyPassword =
    options.verifyPassword ??
    (async (password: string) => {
      await callBetterAuth(client.$fetch('/verify-password', { method: 'POST', body: { password } }));
    });

  // The last list's tokens by session id: a revoke names a session the user saw, and Better Auth revokes
  // by token. Better Auth answers `{ status: true }` for any token, so an id not in the last list (never
  // listed, or already signed out through here) is NOT_FOUND, never a claimed success.
  const tokens = new Map<string, string>();
  let currentId: string | undefined;

  const confirm = async (action: ConfirmableAction, password: string | undefined) => {
    if (requirements[action] !== 'required') return;
    if (!password) throw new SessionsError('INVALID_PASSWORD', 'A password is required.');
    try {
      await verifyPassword(password);
    } catch (error) {
      throw toSessionsError(error);
    }
  };
  const forgetAllBut = (keep: string | undefined) => {
    for (const id of tokens.keys()) if (id !== keep) tokens.delete(id);
  };

  const provider: SessionsDataProvider = {
    passwordRequirements: requirements,
    listSessions: async (): Promise<ListSessionsResult> => {
      const [sessions, current] = await Promise.all([
        callBetterAuth(client.listSessions()),
        currentSession(client),
      ]);
      if (!Array.isArray(sessions))
        throw new SessionsError('INVALID_RESPONSE', 'listSessions did not return a list.');
      tokens.clear();
      for (const s of sessions)
        if (typeof s?.id === 'string' && typeof s.token === 'string') tokens.set(s.id, s.token);
      currentId = current.session.id;
      // Better Auth keeps only the user agent: the parser loads here, for its rows.
      return withParsedDevices({
        sessions: sessions.map((s) => toSessionInput(s, currentId)),
        currentSessionId: currentId,
      });
    },
    revokeSession: async ({ sessionId, password }) => {
      const token = tokens.get(sessionId);
      if (!token) throw new SessionsError('NOT_FOUND');
      await confirm('revokeSession', password);
      await callBetterAuth(client.revokeSession({ token }));
      tokens.delete(sessionId);
    },
    revokeOtherSessions: async ({ password } = {}): Promise<RevokeManyOutcome> => {
      await confirm('revokeOtherSessions', password);
      await callBetterAuth(client.revokeOtherSessions());
      forgetAllBut(currentId);
      // Better Auth does not say how many it ended, and counting would take a list, which a stale
      // session may not read.
      return { revokedCount: null };
    },
    revokeAllSessions: async ({ password } = {}): Promise<RevokeManyOutcome> => {
      await confirm('revokeAllSessions', password);
      await callBetterAuth(client.revokeSessions());
      forgetAllBut(undefined);
      return { revokedCount: null };
    },
    signOut: async () => {
      await callBetterAuth(client.signOut());
    },
  };
  if (options.reauthenticate !== false) {
    const signInAgain = options.reauthenticate
      ? hostSignIn(options.reauthenticate)
      : signInWithPassword(client);
    provider.reauthenticate = async ({ password }) => {
      try {
        await renewSession(client, signInAgain, password);
      } catch (error) {
        throw toSessionsError(error);
      }
    };
  }
  return provider;
}
