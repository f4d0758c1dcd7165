import { MAX_IDENTIFIER_LENGTH } from '../../contract/limits.js';
import { SessionLimitError, type SessionManager } from '../createSessionManager.js';
import { createSignInLimiter, type SignInLimiter } from '../limits/createSignInLimiter.js';
import { RequestBodyError, readJsonBody } from '../requestBody.js';
import { headersOnly, type IncomingRequest } from '../requestFacts.js';
import type { StoredSession } from '../types.js';

export interface PasswordSignInOptions<User extends { id: string }> {
  manager: SessionManager;
  /**
   * Your check: the user with this identifier and password, or null. When no user has the identifier,
   * check the password against a dummy hash anyway, so an unknown email costs what a wrong password does
   * (examples/server/users.ts, `checkCredentials`).
   */
  verify: (
    identifier: string,
    password: string,
  ) => Promise<User | null | undefined> | User | null | undefined;
  /**
   * The account an identifier names, if any: a refused sign-in is then in that account's history (its
   * owner sees "a failed sign-in"); without it failed attempts are in the admin's log only.
   * @default none
   */
  accountOf?: (identifier: string) => string | null | undefined | Promise<string | null | undefined>;
  /** The sign-in's own limits (never the confirmations'). @default createSignInLimiter(manager) */
  limiter?: SignInLimiter;
  /** The body field holding the identifier. @default 'email' */
  identifierField?: string;
  /** The largest body read before anyone is signed in. @default 4096 bytes */
  maxBytes?: number;
}

/** What a sign-in came to, with the answer ready to send (the same `{ code, message }` as the contract's). */
export type PasswordSignInResult<User> =
  | { ok: true; user: User; session: StoredSession; setCookie: string }
  | {
      ok: false;
      status: 400 | 413 | 415 | 422 | 429 | 409;
      code: 'UNKNOWN' | 'INVALID_PASSWORD' | 'RATE_LIMITED' | 'SESSION_LIMIT';
      message: string;
      /** `Retry-After` for a 429. */
      headers: Record<string, string>;
    };

const refuse = <User>(
  status: 400 | 413 | 415 | 422 | 429 | 409,
  code: 'UNKNOWN' | 'INVALID_PASSWORD' | 'RATE_LIMITED' | 'SESSION_LIMIT',
  message: string,
  headers: Record<string, string> = {},
): PasswordSignInResult<User> => ({ ok: false, status, code, message, headers });

/** The request's JSON body: a Fetch Request's, or a Node request's (parsed by `express.json()` or not). */
async function bodyOf(request: IncomingRequest, maxBytes: number) {
  if (request instanceof Request) return readJsonBody(request, { maxBytes });
  // Node's stream reader only for a Node request: the Fetch path stays free of Node built-ins.
  const { toFetchRequest } = await import('../toNodeListener.js');
  return readJsonBody(toFetchRequest(request as Parameters<typeof toFetchRequest>[0]), { maxBytes });
}

/**
 * Your sign-in form's POST, done: reads `{ email, password }` as JSON (415 otherwise: a cross-site form cannot
 * send it) — at most 4 KiB, before anyone is signed in —
 * runs your check through the sign-in limiter (keyed on the account and the client, slowing a guesser
 * down; known and unknown emails alike), starts the session (ending the one the browser still held) and
 * answers a typed result — `setCookie` to send, or the status, `{ code, message }` and headers of a refusal.
 *
 * @example
 * const signIn = createPasswordSignIn({ manager, verify: (email, password) => users.checkCredentials(email, password) });
 * app.post('/login', async (req, res) => {
 *   const result = await signIn(req);
 *   if (result.ok) res.setHeader('Set-Cookie', result.setCookie).json({ user: result.user.id });
 *   else res.status(result.status).set(result.headers).json({ code: result.code, message: result.message });
 * });
 */
export function createPasswordSignIn<User extends { id: string }>(options: PasswordSignInOptions<User>) {
  const { manager } = options;
  const limiter = options.limiter ?? createSignInLimiter(manager, {}, manager.now);
  const field = options.identifierField ?? 'email';
  const maxBytes = options.maxBytes ?? 4096;
  return async (request: IncomingRequest): Promise<PasswordSignInResult<User>> => {
    // JSON only: a cross-site HTML form can post a JSON-looking text/plain body but cannot send this
    // type without the browser asking the server first, so nobody signs a visitor into their account.
    const type = headersOnly(request).headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return refuse(415, 'UNKNOWN', 'Send { email, password } as JSON (Content-Type: application/json).');
    }
    let body: Record<string, unknown>;
    try {
      body = await bodyOf(request, maxBytes);
    } catch (error) {
      if (error instanceof RequestBodyError) return refuse(error.status, 'UNKNOWN', error.message);
      throw error;
    }
    const identifier = body[field];
    const password = body.password;
    if (
      typeof identifier !== 'string' ||
      typeof password !== 'string' ||
      identifier.length > MAX_IDENTIFIER_LENGTH
    ) {
      return refuse(400, 'UNKNOWN', `Send { ${field}, password } as strings.`);
    }
    const outcome = await limiter.attempt({ identifier, client: manager.clientAddress(request) }, () =>
      options.verify(identifier, password),
    );
    if (!outcome.ok && outcome.code === 'RATE_LIMITED') {
      return refuse(429, 'RATE_LIMITED', 'Too many attempts. Try again shortly.', {
        'Retry-After': String(outcome.retryAfter),
      });
    }
    if (!outcome.ok) {
      // Only checked attempts are logged: a refusal by the limiter is not, so a flood of them writes
      // nothing (the limiter already bounds the checked ones per account and client).
      await manager.recordFailedSignIn({
        identifier,
        userId: (await options.accountOf?.(identifier)) ?? null,
        reason: 'invalid-credentials',
        request,
      });
      return refuse(422, 'INVALID_PASSWORD', 'The email or password is not correct.');
    }
    try {
      const { session, setCookie } = await manager.signIn({ userId: outcome.user.id, request });
      return { ok: true, user: outcome.user, session, setCookie };
    } catch (error) {
      if (error instanceof SessionLimitError) return refuse(409, 'SESSION_LIMIT', error.message);
      throw error;
    }
  };
}
