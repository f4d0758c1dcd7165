import type { ConformanceOptions } from './types.js';

export const DEFAULT_TIMEOUT_MS = 5_000;
// Well above what ~60 requests take on a healthy server, low enough that a hanging one fails a CI job fast.
export const DEFAULT_TOTAL_TIMEOUT_MS = 60_000;
/**
 * The CSRF cookies frameworks set, each with the header their check reads: the kit finds whichever the
 * server uses among the cookies it was given or the ones the server sets, unless told.
 */
export const KNOWN_CSRF = [
  ['XSRF-TOKEN', 'X-XSRF-TOKEN'], // Laravel, Angular, profilekit
  ['csrftoken', 'X-CSRFToken'], // Django
  ['CSRF-TOKEN', 'X-CSRF-TOKEN'],
  ['_csrf', 'X-CSRF-Token'], // Express csurf, Rails set up to send a cookie
  ['csrf_token', 'X-CSRF-Token'],
] as const;

/** The CSRF cookie names to look for and the header for each: the ones given, or the known ones. */
export interface CsrfNames {
  cookieNames: readonly string[];
  headerFor: (cookieName: string) => string;
  /** Whether the names were given (else discovered). */
  given: boolean;
}

export function csrfNames(options: Pick<ConformanceOptions, 'csrfCookieName' | 'csrfHeaderName'>): CsrfNames {
  const known = new Map<string, string>(KNOWN_CSRF);
  const cookieNames = options.csrfCookieName ? [options.csrfCookieName] : [...known.keys()];
  return {
    cookieNames,
    headerFor: (name) => options.csrfHeaderName ?? known.get(name) ?? 'X-XSRF-TOKEN',
    given: options.csrfCookieName !== undefined,
  };
}

/** A Cookie header value as name/value pairs, in order. */
export function parseCookieHeader(header: string): Array<[name: string, value: string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    pairs.push([part.slice(0, at).trim(), part.slice(at + 1).trim()]);
  }
  return pairs;
}

const isPositiveInteger = (value: unknown) =>
  value === undefined || (typeof value === 'number' && Number.isInteger(value) && value > 0);

/** What is wrong with the options, one sentence each; empty when they can be run. */
export function optionProblems(options: Partial<ConformanceOptions>): string[] {
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(options.baseUrl ?? '');
  } catch {
    problems.push('baseUrl must be an absolute URL, e.g. http://localhost:3000/api');
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('baseUrl must be http(s)');
  const cookies = options.cookies ?? [];
  if (cookies.length < 3 || cookies.length > 6) {
    problems.push(
      `three to six cookies are needed (sign-ins of one user; a fourth turns on sign-out, a fifth the admin's revoke, a sixth the not-me report), got ${cookies.length}`,
    );
  }
  cookies.forEach((cookie, i) => {
    if (parseCookieHeader(cookie).length === 0) problems.push(`cookie ${i + 1} has no name=value pair`);
  });
  if (new Set(cookies).size !== cookies.length) problems.push('the cookies must be separate sign-ins');
  if (options.adminCookie !== undefined && parseCookieHeader(options.adminCookie).length === 0) {
    problems.push('the admin cookie has no name=value pair');
  }
  if (typeof options.password !== 'string' || options.password === '') problems.push('password is required');
  if (!isPositiveInteger(options.timeoutMs)) problems.push('timeoutMs must be a positive integer');
  if (!isPositiveInteger(options.totalTimeoutMs)) problems.push('totalTimeoutMs must be a positive integer');
  if (options.activity !== undefined && typeof options.activity !== 'boolean')
    problems.push('activity must be true, false or left out');
  return problems;
}
