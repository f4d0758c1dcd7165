import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { fail } from './http.js';
import { verifyPassword } from './passwords.js';
import type { Store, UserRow } from './store.js';

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

/**
 * Double-submit CSRF protection, as Laravel does it: every response carries a readable XSRF-TOKEN cookie,
 * and every unsafe request must echo it in X-XSRF-TOKEN. A cross-site form can send the cookie but cannot
 * read it to set the header.
 */
export function csrf(secure: boolean): MiddlewareHandler {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token) {
      token = randomBytes(20).toString('hex');
      setCookie(c, CSRF_COOKIE, token, { path: '/', sameSite: 'Lax', secure });
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header(CSRF_HEADER) !== token) {
      return fail(c, 403, 'FORBIDDEN', 'The CSRF token is missing or does not match.');
    }
    await next();
  };
}

export interface PasswordPolicy {
  /** Wrong passwords allowed per user in the window before 429. */
  maxFailures: number;
  windowMs: number;
}

/**
 * Checks a user's password with a rate limit on wrong ones. Answers the error response, or null when the
 * password is right (which also clears the count).
 */
export async function checkPassword(
  c: Context,
  store: Store,
  user: UserRow,
  password: unknown,
  now: number,
  policy: PasswordPolicy,
) {
  const state = store.failures(user.id);
  const inWindow = state !== undefined && now - state.window_start < policy.windowMs;
  if (inWindow && state.failures >= policy.maxFailures) {
    const retryAfter = Math.max(1, Math.ceil((state.window_start + policy.windowMs - now) / 1000));
    return fail(c, 429, 'RATE_LIMITED', 'Too many wrong passwords. Try again later.', retryAfter);
  }
  if (
    typeof password === 'string' &&
    password !== '' &&
    (await verifyPassword(password, user.password_hash))
  ) {
    store.clearFailures(user.id);
    return null;
  }
  store.setFailures(user.id, inWindow ? state.failures + 1 : 1, inWindow ? state.window_start : now);
  return fail(c, 422, 'INVALID_PASSWORD', 'The password is not correct.');
}
