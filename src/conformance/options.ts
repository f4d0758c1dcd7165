import type { ConformanceOptions } from './types.js';

export const DEFAULT_TIMEOUT_MS = 5_000;
// Well above what ~60 requests take on a healthy server, low enough that a hanging one fails a CI job fast.
export const DEFAULT_TOTAL_TIMEOUT_MS = 60_000;
export const DEFAULT_CSRF_COOKIE = 'XSRF-TOKEN';
export const DEFAULT_CSRF_HEADER = 'X-XSRF-TOKEN';

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
  if (cookies.length !== 3) {
    problems.push(`exactly three cookies are needed (three sign-ins of one user), got ${cookies.length}`);
  }
  cookies.forEach((cookie, i) => {
    if (parseCookieHeader(cookie).length === 0) problems.push(`cookie ${i + 1} has no name=value pair`);
  });
  if (new Set(cookies).size !== cookies.length) problems.push('the three cookies must be three sign-ins');
  if (options.adminCookie !== undefined && parseCookieHeader(options.adminCookie).length === 0) {
    problems.push('the admin cookie has no name=value pair');
  }
  if (typeof options.password !== 'string' || options.password === '') problems.push('password is required');
  if (!isPositiveInteger(options.timeoutMs)) problems.push('timeoutMs must be a positive integer');
  if (!isPositiveInteger(options.totalTimeoutMs)) problems.push('totalTimeoutMs must be a positive integer');
  return problems;
}
