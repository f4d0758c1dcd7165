import { isSessionsError, SessionsError } from '../provider/SessionsError.js';
import type { BetterAuthCurrentSession, BetterAuthSessionsClient } from './BetterAuthSessionsClient.js';
import { type BetterAuthResult, callBetterAuth } from './callBetterAuth.js';

/** Signs this device in again with the typed password, given who is signed in now. */
export type SignInAgain = (password: string, current: BetterAuthCurrentSession) => Promise<unknown>;

const HOST_MUST_SIGN_IN = `Pass createBetterAuthSessionsProvider a \`reauthenticate\` that signs this user in again your way, or \`reauthenticate: false\` and SessionsProvider's \`onReauthRequired\`.`;

/** This device's session; Better Auth answers no data, not an error, once the device is signed out. */
export const currentSession = (client: BetterAuthSessionsClient) =>
  callBetterAuth(client.getSession(), new SessionsError('UNAUTHORIZED'));

/**
 * Makes this device's session fresh again. Better Auth measures freshness from a session's `createdAt`
 * (its freshSessionMiddleware, which guards list-sessions), so only a new sign-in makes a session fresh;
 * the new session then takes the old one's place, and the old one is revoked, so confirming it is you
 * leaves no extra device behind.
 */
export async function renewSession(
  client: BetterAuthSessionsClient,
  signInAgain: SignInAgain,
  password: string,
): Promise<void> {
  const before = await currentSession(client);
  await signInAgain(password, before);
  const after = await currentSession(client);
  if (after.session.token === before.session.token) return;
  // Its answer is not checked: the new session already works, so failing the confirmation here would keep
  // the prompt up for nothing, and an old session left over shows in the list as one more device.
  await client.revokeSession({ token: before.session.token }).catch(() => undefined);
}

/**
 * The default way to sign in again: Better Auth's own email sign-in, which checks the password and
 * creates no session when it is wrong.
 */
export function signInWithPassword(client: BetterAuthSessionsClient): SignInAgain {
  return async (password, { user }) => {
    if (user.twoFactorEnabled) {
      // The two-factor plugin answers an email sign-in with a challenge and deletes the session cookie it
      // set, so trying would sign this device out.
      throw new SessionsError(
        'FORBIDDEN',
        `profilekit/better-auth: this account signs in with a second factor, which the password prompt cannot ask for. ${HOST_MUST_SIGN_IN}`,
      );
    }
    try {
      await callBetterAuth(client.signIn.email({ email: user.email, password }));
    } catch (error) {
      // Better Auth refuses a wrong password and an account without one alike (INVALID_EMAIL_OR_PASSWORD).
      if (isSessionsError(error) && error.code === 'INVALID_PASSWORD' && !(await hasPassword(client))) {
        throw new SessionsError(
          'FORBIDDEN',
          `profilekit/better-auth: this account has no password (it signs in another way), so the password prompt cannot confirm it. ${HOST_MUST_SIGN_IN}`,
        );
      }
      throw error;
    }
  };
}

async function hasPassword(client: BetterAuthSessionsClient): Promise<boolean> {
  const accounts = await callBetterAuth(client.listAccounts());
  return accounts.some((account) => account.providerId === 'credential');
}

/** A host's own way to sign in again, which may hand back a Better Auth answer as it is. */
export function hostSignIn(reauthenticate: (password: string) => Promise<unknown>): SignInAgain {
  return async (password) => {
    const answer = await reauthenticate(password);
    // `(password) => client.signIn.email({ email, password })` resolves `{ data, error }` where it fails:
    // a wrong password must still reach the prompt as one.
    if (isFailedAnswer(answer)) await callBetterAuth(Promise.resolve(answer));
  };
}

const isFailedAnswer = (answer: unknown): answer is BetterAuthResult<unknown> =>
  typeof answer === 'object' && answer !== null && 'error' in answer && Boolean(answer.error);
