import { betterAuth } from 'better-auth';
import { createAuthClient } from 'better-auth/client';
import { adminClient } from 'better-auth/client/plugins';
import { getMigrations } from 'better-auth/db/migration';
import { admin, twoFactor } from 'better-auth/plugins';
import Database from 'better-sqlite3';

const BASE_URL = 'http://localhost:3000';

/** Better Auth's own default `session.freshAge`: a day. */
export const DEFAULT_FRESH_AGE_MS = 24 * 3_600_000;

/**
 * The real Better Auth, in-process: its server (`auth.handler`) on an in-memory SQLite database, and its
 * real client whose fetch goes straight to that handler, keeping each device's cookies apart. Its session
 * options are Better Auth's defaults unless a test names one.
 */
export async function startBetterAuth(
  options: { freshAgeSeconds?: number; admin?: boolean; twoFactor?: boolean } = {},
) {
  const auth = betterAuth({
    baseURL: BASE_URL,
    secret: 'profilekit-test-secret-0123456789abcdef',
    database: new Database(':memory:'),
    // No session from sign-up itself: each test's devices are the only sessions.
    emailAndPassword: { enabled: true, autoSignIn: false },
    session: options.freshAgeSeconds === undefined ? {} : { freshAge: options.freshAgeSeconds },
    logger: { disabled: true },
    telemetry: { enabled: false },
    // The admin plugin, for the admin console's adapter; users with role "admin" may use it.
    plugins: [...(options.admin ? [admin()] : []), ...(options.twoFactor ? [twoFactor()] : [])],
  });
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();

  const credentials = { email: 'ana@example.com', password: 'correct horse battery', name: 'Ana' };
  await auth.api.signUpEmail({ body: credentials });

  /** Another account (optionally an admin), for the admin console's tests. */
  async function addUser(user: { email: string; password: string; name: string }, role?: 'admin') {
    const { user: created } = await auth.api.signUpEmail({ body: user });
    if (role) {
      const db = (await auth.$context).internalAdapter;
      await db.updateUser(created.id, { role });
    }
    return created.id;
  }

  /** The user's sessions in Better Auth's own database: every device signed in, whatever a page shows. */
  async function sessionsOf(email = credentials.email) {
    const db = (await auth.$context).internalAdapter;
    const user = await db.findUserByEmail(email);
    return user ? db.listSessions(user.user.id) : [];
  }

  /** Turns the account into one that signs in another way (a GitHub account, no password). */
  async function removePassword(email = credentials.email) {
    const db = (await auth.$context).internalAdapter;
    const user = await db.findUserByEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    await db.deleteAccounts(user.user.id);
    await db.createAccount({ userId: user.user.id, providerId: 'github', accountId: `gh-${user.user.id}` });
  }

  /** Turns two-factor sign-in on for the account, as its enable-and-verify flow ends. */
  async function enableTwoFactor(email = credentials.email) {
    const db = (await auth.$context).internalAdapter;
    const user = await db.findUserByEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    await db.updateUser(user.user.id, { twoFactorEnabled: true });
  }

  /** A device: a real client with its own cookie jar and user agent, signed in. */
  async function device(userAgent: string, who: { email: string; password: string } = credentials) {
    const jar = new Map<string, string>();
    const client = createAuthClient({
      baseURL: BASE_URL,
      plugins: [adminClient()],
      fetchOptions: {
        customFetchImpl: async (input, init) => {
          const request = new Request(input, init);
          const headers = new Headers(request.headers);
          headers.set('origin', BASE_URL);
          headers.set('user-agent', userAgent);
          if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
          const response = await auth.handler(new Request(request, { headers }));
          for (const line of response.headers.getSetCookie()) {
            const [pair = ''] = line.split(';');
            const index = pair.indexOf('=');
            const name = pair.slice(0, index);
            const value = pair.slice(index + 1);
            if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
            else jar.set(name, value);
          }
          return response;
        },
      },
    });
    const signedIn = await client.signIn.email({ email: who.email, password: who.password });
    if (signedIn.error) throw new Error(`sign-in failed: ${signedIn.error.message}`);
    return { client, jar };
  }

  return { auth, device, addUser, credentials, sessionsOf, removePassword, enableTwoFactor };
}
