import { KNOWN_CSRF, parseCookieHeader } from './options.js';

/** How to sign in through a host's own sign-in endpoint (its login form or JSON API). */
export interface SignInOptions {
  /** The sign-in URL, e.g. `http://localhost:8000/accounts/login/`. */
  url: string;
  /** The account's identifier (an email, a user name). */
  user: string;
  password: string;
  /** The identifier's field. @default 'email' */
  userField?: string;
  /** @default 'password' */
  passwordField?: string;
  /** Send `application/x-www-form-urlencoded` (a classic login form) instead of JSON. @default false */
  form?: boolean;
  /** A User-Agent for this sign-in, so its session can be told apart (and searched for). */
  userAgent: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** The cookies a response sets, applied to a jar (a cleared one leaves it). */
function keep(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [name, value = ''] = parseCookieHeader(line.split(';')[0] ?? '')[0] ?? [];
    if (!name) continue;
    if (value === '' || /max-age=(0|-\d+)/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * Signs one browser in through the host's own sign-in and answers its Cookie header, as the kit's
 * `--sign-in` does five times. First a GET of the sign-in URL (a framework sets its CSRF cookie then —
 * Django's `csrftoken`, Laravel's `XSRF-TOKEN`), then a POST of the identifier and password carrying that
 * token in the framework's header (and, for a form, Django's `csrfmiddlewaretoken` field). A redirect is
 * not followed: the session cookie comes with it. Rejects with what the server answered when no session
 * cookie came back.
 */
export async function signInForCookies(options: SignInOptions): Promise<string> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const jar = new Map<string, string>();
  const common = { redirect: 'manual' as const, signal: options.signal };
  const page = await doFetch(options.url, { ...common, headers: { 'User-Agent': options.userAgent } });
  keep(jar, page);
  await page.body?.cancel().catch(() => {});
  const before = new Set(jar.keys());
  const headers = new Headers({ 'User-Agent': options.userAgent, Accept: 'application/json, text/html' });
  if (jar.size > 0) headers.set('Cookie', header(jar));
  const fields: Record<string, string> = {
    [options.userField ?? 'email']: options.user,
    [options.passwordField ?? 'password']: options.password,
  };
  for (const [cookie, headerName] of KNOWN_CSRF) {
    const token = jar.get(cookie);
    if (!token) continue;
    headers.set(headerName, decodeURIComponent(token));
    if (options.form && cookie === 'csrftoken') fields.csrfmiddlewaretoken = decodeURIComponent(token);
  }
  // Django checks the Referer of an HTTPS POST against its own origin.
  headers.set('Referer', options.url);
  let body: string;
  if (options.form) {
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(fields).toString();
  } else {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(fields);
  }
  const response = await doFetch(options.url, { ...common, method: 'POST', headers, body });
  keep(jar, response);
  const text = await response.text().catch(() => '');
  const newCookie =
    [...jar.keys()].some((name) => !before.has(name)) || response.headers.getSetCookie().length > 0;
  if (response.status >= 400 || !newCookie) {
    throw new Error(
      `signing in as ${options.user} at ${options.url} answered ${response.status}${
        newCookie ? '' : ' and set no session cookie'
      }: ${text.slice(0, 200)}`,
    );
  }
  return header(jar);
}
