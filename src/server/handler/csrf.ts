import { CSRF_COOKIE_NAME, CSRF_HEADER_NAME } from '../../contract/csrf.js';
import { readCookie, serializeCookie } from '../cookies.js';
import { headersOnly, type IncomingRequest } from '../requestFacts.js';
import { constantTimeEqual, randomBytes, toHex } from '../webCrypto.js';

export interface CsrfOptions {
  /** @default 'XSRF-TOKEN' (what Laravel and Angular use, and the REST adapter reads) */
  cookieName?: string;
  /** @default 'X-XSRF-TOKEN' */
  headerName?: string;
  /** @default the session cookie's `secure` */
  secure?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_PATTERN = /^[0-9a-f]{40}$/;

/**
 * Double-submit CSRF protection, as Laravel does it: every response hands out a readable cookie, and every
 * unsafe request must echo it in a header. A cross-site form can make the browser send the cookie but
 * cannot read it to set the header.
 */
export function createCsrfGuard(options: CsrfOptions & { secure: boolean }) {
  const cookieName = options.cookieName ?? CSRF_COOKIE_NAME;
  const headerName = options.headerName ?? CSRF_HEADER_NAME;
  return {
    /** The readable cookie it hands out (and the header must echo). */
    cookieName,
    /** The cookie to set on the response when the request has none yet. */
    cookieFor(incoming: IncomingRequest): string | null {
      const current = readCookie(headersOnly(incoming), cookieName);
      if (current && TOKEN_PATTERN.test(current)) return null;
      const token = toHex(randomBytes(20));
      return serializeCookie(cookieName, token, { path: '/', sameSite: 'Lax', secure: options.secure });
    },
    /** Whether an unsafe request echoes the cookie in the header (safe methods always pass). */
    allows(incoming: IncomingRequest): boolean {
      const method =
        incoming instanceof Request ? incoming.method : ((incoming as { method?: string }).method ?? 'GET');
      if (SAFE_METHODS.has(method)) return true;
      const request = headersOnly(incoming);
      const cookie = readCookie(request, cookieName);
      const header = request.headers.get(headerName);
      return (
        cookie !== undefined &&
        header !== null &&
        TOKEN_PATTERN.test(cookie) &&
        TOKEN_PATTERN.test(header) &&
        constantTimeEqual(cookie, header)
      );
    },
  };
}
