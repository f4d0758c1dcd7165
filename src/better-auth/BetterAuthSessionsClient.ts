import type { BetterAuthResult } from './callBetterAuth.js';

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

/** This device's session and its user, as Better Auth's `getSession` returns them. */
export interface BetterAuthCurrentSession {
  session: { id: string; token: string };
  /** `twoFactorEnabled` is there when the host runs Better Auth's two-factor plugin. */
  user: { email: string; twoFactorEnabled?: boolean | null };
}

/**
 * The part of a Better Auth client (`createAuthClient()` from `better-auth/client` or `better-auth/react`)
 * this adapter calls. Structural, so the kit never imports Better Auth itself; any client Better Auth 1.x
 * builds has all of it.
 */
export interface BetterAuthSessionsClient {
  listSessions: () => Promise<BetterAuthResult<readonly BetterAuthSession[]>>;
  revokeSession: (body: { token: string }) => Promise<BetterAuthResult<{ status: boolean }>>;
  revokeOtherSessions: () => Promise<BetterAuthResult<{ status: boolean }>>;
  revokeSessions: () => Promise<BetterAuthResult<{ status: boolean }>>;
  getSession: () => Promise<BetterAuthResult<BetterAuthCurrentSession | null>>;
  signOut: () => Promise<BetterAuthResult<unknown>>;
  /** The default re-authentication: a sign-in with the account's email and the typed password. */
  signIn: { email: (body: { email: string; password: string }) => Promise<BetterAuthResult<unknown>> };
  /** Tells "wrong password" from "this account has no password" after a refused sign-in. */
  listAccounts: () => Promise<BetterAuthResult<readonly { providerId: string }[]>>;
  /** The default password check: Better Auth's `POST /verify-password`, which the typed client leaves out. */
  $fetch: (
    path: '/verify-password',
    options: { method: 'POST'; body: { password: string } },
  ) => Promise<BetterAuthResult<unknown>>;
}
